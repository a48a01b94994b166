#pragma once

#include <Qt>

namespace ecs {

// Roles every snapshot table model answers, so one proxy and one delegate serve both tabs.
namespace ModelRole {
enum : int {
    // Raw value for sorting (QDateTime, int progress, int count, QString): display texts
    // such as "Progressing (40%)" or a local time would sort wrongly.
    Sort = Qt::UserRole + 1,
    // Everything the search box should find in a row, lower-cased and space-separated.
    SearchText,
    // true for the cell of an action ("Rollback instance"); ActionLinkDelegate draws it
    // as a link and reports clicks.
    IsAction,
    // First free role for a model's own roles.
    FirstModelRole,
};
} // namespace ModelRole

} // namespace ecs

#pragma once

#include "ApiError.h"
#include "ApiParameters.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace ecs {

class ApiCall;
class EcsClient;

// Walks every page of a Describe* action and hands each page over as it arrives, so a
// view can show the first rows while the rest load. Both paging styles of the API:
// NextToken + MaxResults (DescribeInstances, DescribeDisks, DescribeSnapshots,
// DescribeSnapshotGroups) and PageNumber + PageSize (DescribeInstanceStatus).
class PagedQuery : public QObject
{
    Q_OBJECT

public:
    enum class Style { NextToken, PageNumber };

    struct Options
    {
        Style style = Style::NextToken;
        int pageSize = 100; // sent as MaxResults or PageSize
        // Where the items of one page are, e.g. {"InstanceStatuses", "InstanceStatus"};
        // PageNumber paging needs it to know when a page came back short.
        QString listWrapper;
        QString listItem;
        int maxPages = 10000; // a guard against a service that never stops paging
    };

    PagedQuery(EcsClient *client, QString action, ApiParameters parameters, Options options,
        QObject *parent = nullptr);

    void start();
    void cancel();
    // Ends the listing now with `error` (e.g. a page that could not be parsed).
    void fail(const ApiError &error);
    // Makes start() finish with `error` without sending anything.
    void rejectBeforeSending(const ApiError &error) { m_presetError = error; }
    int pagesReceived() const { return m_pages; }

Q_SIGNALS:
    void pageReceived(const QJsonObject &page);
    // Once, after the last page or the first error (error.isError() false on success).
    // The query deletes itself afterwards.
    void finished(const ecs::ApiError &error);

private:
    void requestPage();
    void onPage(const QJsonObject &page);
    void finish(const ApiError &error);
    int itemCount(const QJsonObject &page) const;

    EcsClient *m_client;
    QString m_action;
    ApiParameters m_parameters;
    Options m_options;
    QPointer<ApiCall> m_call;
    QString m_nextToken;
    int m_pageNumber = 1;
    int m_itemsReceived = 0;
    int m_pages = 0;
    bool m_finished = false;
    ApiError m_presetError;
};

} // namespace ecs

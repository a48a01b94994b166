#pragma once

#include <QMap>
#include <QString>

namespace ecs {

// The flat name → value parameters of one RPC-style request, already flattened
// (`Disk.1.DiskId`, `InstanceId.2`) and with JSON-array parameters as plain text.
// A QMap keeps them sorted by name, which is the order both signature schemes need
// (ECS parameter names are ASCII, so QString order is byte order).
using ApiParameters = QMap<QString, QString>;

} // namespace ecs

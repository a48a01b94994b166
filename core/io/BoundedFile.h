#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ecs {

// Reads a small local file whole, but only if it is one: a regular file (after
// symlinks) of at most `maxBytes`. A FIFO, a device (/dev/zero), a socket or a
// directory is refused before it is opened for reading, and the opened descriptor is
// checked again (the path may change in between), so the caller never blocks on a
// pipe and never buffers an endless stream. At most maxBytes + 1 bytes are read, so a
// file that grows while it is read is refused too.
//
// Every configuration, scenario, fault plan, state and CA bundle file goes through
// here: one place decides what "a file we read" means.
class BoundedFile
{
    Q_DECLARE_TR_FUNCTIONS(ecs::BoundedFile)

public:
    enum class Status {
        Ok,
        NotFound, // nothing at the path (a dangling symlink included)
        NotRegular, // a FIFO, device, socket or directory
        TooLarge,
        Unreadable, // permissions, I/O error
    };

    struct Result
    {
        Status status = Status::Unreadable;
        QByteArray data; // only when Ok
        // For people, naming the path and the reason: "/x/config.json is not a regular
        // file (a FIFO)", "/dev/stdin is larger than 1 MiB". Empty when Ok.
        QString error;

        bool ok() const { return status == Status::Ok; }
    };

    static Result read(const QString &path, qint64 maxBytes);

    // "1 MiB", "64 KiB", "512 bytes": caps as people read them.
    static QString sizeText(qint64 bytes);
};

} // namespace ecs

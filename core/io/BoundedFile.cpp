#include "BoundedFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ecs {

namespace {

// What a path is when it is not a regular file, for the message.
QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return BoundedFile::tr("a FIFO");
    if (S_ISCHR(mode))
        return BoundedFile::tr("a character device");
    if (S_ISBLK(mode))
        return BoundedFile::tr("a block device");
    if (S_ISSOCK(mode))
        return BoundedFile::tr("a socket");
    if (S_ISDIR(mode))
        return BoundedFile::tr("a directory");
    return BoundedFile::tr("not a file");
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

BoundedFile::Result failure(BoundedFile::Status status, QString error)
{
    return { status, {}, std::move(error) };
}

BoundedFile::Result checkStat(const QString &path, const struct stat &info, qint64 maxBytes)
{
    if (!S_ISREG(info.st_mode)) {
        return failure(BoundedFile::Status::NotRegular,
            BoundedFile::tr("%1 is not a regular file (%2)").arg(path, kindOf(info.st_mode)));
    }
    if (info.st_size > maxBytes) {
        return failure(BoundedFile::Status::TooLarge,
            BoundedFile::tr("%1 is larger than %2").arg(path, BoundedFile::sizeText(maxBytes)));
    }
    return { BoundedFile::Status::Ok, {}, {} };
}

// Closes the descriptor on every way out.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

BoundedFile::Result BoundedFile::read(const QString &path, qint64 maxBytes)
{
    Q_ASSERT(maxBytes >= 0);
    const QByteArray native = QFile::encodeName(path);

    // Type first (stat follows symlinks): opening a FIFO for reading would wait for a
    // writer, and a device may never end.
    struct stat before
    {
    };
    if (::stat(native.constData(), &before) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return failure(Status::NotFound, tr("%1 does not exist").arg(path));
        return failure(
            Status::Unreadable, tr("%1 cannot be read: %2").arg(path, systemError(error)));
    }
    if (Result checked = checkStat(path, before, maxBytes); !checked.ok())
        return checked;

    // O_NONBLOCK: should the path have become a FIFO since stat(), open() still returns
    // at once, and fstat() below refuses it.
    const Descriptor fd(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        return failure(
            Status::Unreadable, tr("%1 cannot be read: %2").arg(path, systemError(error)));
    }
    struct stat opened
    {
    };
    if (::fstat(fd.get(), &opened) != 0) {
        const int error = errno;
        return failure(
            Status::Unreadable, tr("%1 cannot be read: %2").arg(path, systemError(error)));
    }
    if (Result checked = checkStat(path, opened, maxBytes); !checked.ok())
        return checked;

    // One byte more than allowed tells a file that grew after fstat() from one that fits.
    QByteArray data;
    data.resize(static_cast<qsizetype>(qMin<qint64>(opened.st_size, maxBytes) + 1));
    qsizetype used = 0;
    for (;;) {
        if (used == data.size()) {
            if (used > maxBytes)
                break;
            data.resize(static_cast<qsizetype>(qMin<qint64>(used * 2 + 4096, maxBytes + 1)));
        }
        const ssize_t count = ::read(fd.get(), data.data() + used, data.size() - used);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0) {
            const int error = errno;
            return failure(
                Status::Unreadable, tr("%1 cannot be read: %2").arg(path, systemError(error)));
        }
        if (count == 0)
            break;
        used += count;
    }
    if (used > maxBytes)
        return failure(Status::TooLarge, tr("%1 is larger than %2").arg(path, sizeText(maxBytes)));
    data.truncate(used);
    return { Status::Ok, data, {} };
}

QString BoundedFile::sizeText(qint64 bytes)
{
    constexpr qint64 kib = 1024;
    constexpr qint64 mib = 1024 * kib;
    if (bytes >= mib && bytes % mib == 0)
        return tr("%1 MiB").arg(bytes / mib);
    if (bytes >= kib && bytes % kib == 0)
        return tr("%1 KiB").arg(bytes / kib);
    return tr("%1 bytes").arg(bytes);
}

} // namespace ecs

// BoundedFile: only regular files, never more than the cap, never a hang on a FIFO.
#include "io/BoundedFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ecs;

class TestBoundedFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRegularFile();
    void readsFileExactlyAtCap();
    void refusesFileOverCap();
    void refusesFifoWithoutBlocking();
    void refusesSymlinkToDevZero();
    void followsSymlinkToRegularFile();
    void refusesDirectory();
    void reportsMissingFile();
    void reportsDanglingSymlink();
    void sizeTextIsReadable();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

QString TestBoundedFile::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void TestBoundedFile::readsRegularFile()
{
    const QString path = write(QStringLiteral("small.json"), "{\"a\": 1}");
    QVERIFY(!path.isEmpty());
    const BoundedFile::Result result = BoundedFile::read(path, 1024);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.data, QByteArray("{\"a\": 1}"));
    QVERIFY(result.error.isEmpty());
}

void TestBoundedFile::readsFileExactlyAtCap()
{
    const QString path = write(QStringLiteral("exact"), QByteArray(4096, 'x'));
    const BoundedFile::Result result = BoundedFile::read(path, 4096);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.data.size(), 4096);
    const QString empty = write(QStringLiteral("empty"), {});
    QVERIFY(BoundedFile::read(empty, 0).ok());
}

void TestBoundedFile::refusesFileOverCap()
{
    const QString path = write(QStringLiteral("big"), QByteArray(1024 * 1024 + 1, 'x'));
    const BoundedFile::Result result = BoundedFile::read(path, 1024 * 1024);
    QCOMPARE(result.status, BoundedFile::Status::TooLarge);
    QVERIFY(result.data.isEmpty());
    QCOMPARE(result.error, path + QStringLiteral(" is larger than 1 MiB"));
}

void TestBoundedFile::refusesFifoWithoutBlocking()
{
    const QString path = m_dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    // No writer ever opens the FIFO: a reader that opened it would wait forever.
    const BoundedFile::Result result = BoundedFile::read(path, 1024);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(result.status, BoundedFile::Status::NotRegular);
    QCOMPARE(result.error, path + QStringLiteral(" is not a regular file (a FIFO)"));
}

void TestBoundedFile::refusesSymlinkToDevZero()
{
    const QString link = m_dir.filePath(QStringLiteral("zero.json"));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), link));
    const BoundedFile::Result result = BoundedFile::read(link, 1024 * 1024);
    QCOMPARE(result.status, BoundedFile::Status::NotRegular);
    QCOMPARE(result.error, link + QStringLiteral(" is not a regular file (a character device)"));
    QCOMPARE(
        BoundedFile::read(QStringLiteral("/dev/zero"), 16).status, BoundedFile::Status::NotRegular);
}

void TestBoundedFile::followsSymlinkToRegularFile()
{
    const QString target = write(QStringLiteral("target"), "content");
    const QString link = m_dir.filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(target, link));
    const BoundedFile::Result result = BoundedFile::read(link, 64);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.data, QByteArray("content"));
}

void TestBoundedFile::refusesDirectory()
{
    const BoundedFile::Result result = BoundedFile::read(m_dir.path(), 64);
    QCOMPARE(result.status, BoundedFile::Status::NotRegular);
    QCOMPARE(result.error, m_dir.path() + QStringLiteral(" is not a regular file (a directory)"));
}

void TestBoundedFile::reportsMissingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.json"));
    const BoundedFile::Result result = BoundedFile::read(path, 64);
    QCOMPARE(result.status, BoundedFile::Status::NotFound);
    QCOMPARE(result.error, path + QStringLiteral(" does not exist"));
}

void TestBoundedFile::reportsDanglingSymlink()
{
    const QString link = m_dir.filePath(QStringLiteral("dangling"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere")), link));
    QCOMPARE(BoundedFile::read(link, 64).status, BoundedFile::Status::NotFound);
}

void TestBoundedFile::sizeTextIsReadable()
{
    QCOMPARE(BoundedFile::sizeText(1024 * 1024), QStringLiteral("1 MiB"));
    QCOMPARE(BoundedFile::sizeText(64 * 1024), QStringLiteral("64 KiB"));
    QCOMPARE(BoundedFile::sizeText(500), QStringLiteral("500 bytes"));
}

QTEST_GUILESS_MAIN(TestBoundedFile)
#include "tst_bounded_file.moc"

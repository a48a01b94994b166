#include "credentials/AliyunCliConfig.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using ecs::AliyunCliConfig;
using ecs::CliProfile;
using ecs::Credential;

namespace {

const QByteArray secretMarker = "cliSecretValueNeverShown42";

QByteArray akProfile(const QByteArray &name, const QByteArray &mode = "AK")
{
    return "{\"name\": \"" + name + "\", \"mode\": \"" + mode
        + "\", \"access_key_id\": \"LTAI5tCliKeyId0001\", \"access_key_secret\": \"" + secretMarker
        + "\", \"sts_token\": \"\", \"region_id\": \"cn-shanghai\", \"output_format\": \"json\", "
          "\"language\": \"en\", \"retry_count\": 0, \"expired_seconds\": 0}";
}

QByteArray config(const QByteArray &current, const QList<QByteArray> &profiles)
{
    QByteArray json = "{\"current\": \"" + current + "\", \"profiles\": [";
    for (qsizetype i = 0; i < profiles.size(); ++i)
        json += (i ? ", " : "") + profiles.at(i);
    return json + "], \"meta_path\": \"\"}";
}

} // namespace

class TestAliyunCliConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void akProfileGivesItsKey()
    {
        const auto parsed = AliyunCliConfig::parse(
            config("default", { akProfile("default") }), QStringLiteral("config.json"));
        QVERIFY2(!parsed.hasError(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.currentProfileName(), QStringLiteral("default"));
        QCOMPARE(parsed.profiles().size(), 1);
        const CliProfile profile = parsed.profiles().constFirst();
        QCOMPARE(profile.name, QStringLiteral("default"));
        QCOMPARE(profile.mode, QStringLiteral("AK"));
        QCOMPARE(profile.regionId, QStringLiteral("cn-shanghai"));
        QVERIFY(profile.supported);
        QVERIFY(profile.reason.isEmpty());
        QCOMPARE(profile.credential,
            (Credential {
                QStringLiteral("LTAI5tCliKeyId0001"), QString::fromLatin1(secretMarker), {} }));
    }

    void stsTokenProfileGivesKeyAndToken()
    {
        const QByteArray sts = "{\"name\": \"sts\", \"mode\": \"StsToken\", \"access_key_id\": "
                               "\"STS.NTempKey\", \"access_key_secret\": \"tempSecret\", "
                               "\"sts_token\": \"CAIStoken\", \"region_id\": \"eu-central-1\"}";
        const auto parsed = AliyunCliConfig::parse(config("sts", { sts }), QStringLiteral("c"));
        QVERIFY(!parsed.hasError());
        const auto profile = parsed.profile(QStringLiteral("sts"));
        QVERIFY(profile);
        QVERIFY(profile->supported);
        QCOMPARE(profile->mode, QStringLiteral("StsToken"));
        QCOMPARE(profile->credential,
            (Credential { QStringLiteral("STS.NTempKey"), QStringLiteral("tempSecret"),
                QStringLiteral("CAIStoken") }));
        QVERIFY(profile->credential.isSts());
    }

    void stsTokenProfileWithoutTokenIsNotUsable()
    {
        const auto parsed = AliyunCliConfig::parse(
            config("x", { akProfile("x", "StsToken") }), QStringLiteral("c"));
        const CliProfile profile = parsed.profiles().constFirst();
        QVERIFY(!profile.supported);
        QVERIFY2(
            profile.reason.contains(QLatin1String("no sts_token")), qPrintable(profile.reason));
        QCOMPARE(profile.credential, Credential());
    }

    void akProfileIgnoresStaleToken()
    {
        const QByteArray ak = "{\"name\": \"a\", \"mode\": \"AK\", \"access_key_id\": \"id\", "
                              "\"access_key_secret\": \"s\", \"sts_token\": \"old\"}";
        const auto profile
            = AliyunCliConfig::parse(config("a", { ak }), {}).profiles().constFirst();
        QVERIFY(profile.supported);
        QVERIFY(!profile.credential.isSts());
    }

    void akProfileWithoutSecretIsNotUsable()
    {
        const QByteArray ak = "{\"name\": \"a\", \"mode\": \"AK\", \"access_key_id\": \"id\"}";
        const auto profile
            = AliyunCliConfig::parse(config("a", { ak }), {}).profiles().constFirst();
        QVERIFY(!profile.supported);
        QVERIFY2(profile.reason.contains(QLatin1String("access_key_secret")),
            qPrintable(profile.reason));
    }

    void modeIsMatchedLikeTheCli()
    {
        const auto profile = AliyunCliConfig::parse(config("a", { akProfile("a", "ak") }), {})
                                 .profiles()
                                 .constFirst();
        QCOMPARE(profile.mode, QStringLiteral("AK"));
        QVERIFY(profile.supported);
    }

    void unsupportedModes_data()
    {
        QTest::addColumn<QByteArray>("mode");
        for (const char *mode : { "RamRoleArn", "EcsRamRole", "RsaKeyPair", "ChainableRamRoleArn",
                 "External", "CredentialsURI", "OIDC", "CloudSSO", "OAuth",
                 "RamRoleArnWithRoleName", "BearerToken", "Anonymous" })
            QTest::newRow(mode) << QByteArray(mode);
    }

    void unsupportedModes()
    {
        QFETCH(QByteArray, mode);
        // Even with a key present (RamRoleArn profiles carry one), the profile's
        // credential is not that key: using it directly would skip the role.
        const auto parsed = AliyunCliConfig::parse(
            config("p", { akProfile("p", mode), akProfile("ok") }), QStringLiteral("c"));
        QVERIFY(!parsed.hasError());
        QCOMPARE(parsed.profiles().size(), 2);
        const CliProfile profile = parsed.profiles().constFirst();
        QCOMPARE(profile.mode, QString::fromLatin1(mode));
        QVERIFY(!profile.supported);
        QCOMPARE(profile.credential, Credential());
        QCOMPARE(profile.reason,
            QStringLiteral("Mode %1 is not supported yet; only AK and StsToken profiles can be "
                           "used.")
                .arg(QString::fromLatin1(mode)));
        QVERIFY(parsed.profiles().at(1).supported); // the rest of the file still counts
    }

    void unknownAndEmptyModes()
    {
        const auto parsed = AliyunCliConfig::parse(
            config("a", { akProfile("weird", "Kerberos"), akProfile("blank", "") }), {});
        QCOMPARE(parsed.profiles().size(), 2);
        QVERIFY(!parsed.profiles().at(0).supported);
        QVERIFY(
            parsed.profiles().at(0).reason.contains(QLatin1String("unknown mode \"Kerberos\"")));
        QVERIFY(!parsed.profiles().at(1).supported);
        QVERIFY(parsed.profiles().at(1).reason.contains(QLatin1String("not configured yet")));
    }

    void namelessAndRepeatedProfilesAreLeftOut()
    {
        QByteArray second = akProfile("dup");
        second.replace("cn-shanghai", "us-west-1");
        const auto parsed = AliyunCliConfig::parse(
            config("dup", { akProfile(""), akProfile("dup"), second }), {});
        QCOMPARE(parsed.profiles().size(), 1);
        QCOMPARE(parsed.profiles().constFirst().regionId, QStringLiteral("cn-shanghai"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated")
            << config("a", { akProfile("a") }).chopped(12) << QStringLiteral("not valid JSON");
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("top level is not a JSON object");
        QTest::newRow("current not a string") << QByteArray("{\"current\": 3, \"profiles\": []}")
                                              << QStringLiteral("\"current\" is not a string");
        QTest::newRow("profiles not a list")
            << QByteArray("{\"current\": \"a\", \"profiles\": {\"name\": \"a\"}}")
            << QStringLiteral("\"profiles\" is not a list");
        QTest::newRow("profile not an object") << config("a", { akProfile("a"), "\"b\"" })
                                               << QStringLiteral("profiles[1] is not an object");
        QTest::newRow("key id is a number")
            << config("a",
                   { "{\"name\": \"a\", \"mode\": \"AK\", \"access_key_id\": 12345, "
                     "\"access_key_secret\": \""
                       + secretMarker + "\"}" })
            << QStringLiteral("profiles[0].access_key_id is not a string");
        QTest::newRow("mode is a list") << config("a", { "{\"name\": \"a\", \"mode\": [\"AK\"]}" })
                                        << QStringLiteral("profiles[0].mode is not a string");
    }

    void malformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto parsed
            = AliyunCliConfig::parse(json, QStringLiteral("/home/u/.aliyun/config.json"));
        QVERIFY(parsed.hasError());
        QVERIFY2(parsed.errorString().startsWith(QLatin1String("/home/u/.aliyun/config.json: ")),
            qPrintable(parsed.errorString()));
        QVERIFY2(parsed.errorString().contains(expected), qPrintable(parsed.errorString()));
        QVERIFY(!parsed.errorString().contains(QString::fromLatin1(secretMarker)));
        QVERIFY(parsed.profiles().isEmpty());
    }

    void nullAndMissingFieldsAreEmpty()
    {
        const auto parsed = AliyunCliConfig::parse(
            "{\"profiles\": [{\"name\": \"n\", \"mode\": \"AK\", \"region_id\": null}]}", {});
        QVERIFY(!parsed.hasError());
        QVERIFY(parsed.currentProfileName().isEmpty());
        QVERIFY(parsed.profiles().constFirst().regionId.isEmpty());
        QVERIFY(!parsed.profiles().constFirst().supported);
    }

    void missingFileIsNoProfilesNotAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto loaded = AliyunCliConfig::load(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(!loaded.fileExists());
        QVERIFY(!loaded.hasError());
        QVERIFY(loaded.profiles().isEmpty());
    }

    void loadsFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config("second", { akProfile("first"), akProfile("second") }));
        file.close();

        const auto loaded = AliyunCliConfig::load(path);
        QVERIFY(loaded.fileExists());
        QVERIFY(!loaded.hasError());
        QCOMPARE(loaded.path(), path);
        QCOMPARE(loaded.currentProfileName(), QStringLiteral("second"));
        QCOMPARE(loaded.profiles().size(), 2);
        QCOMPARE(loaded.profiles().at(0).name, QStringLiteral("first"));
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("config.json"))); // a directory
        const auto loaded = AliyunCliConfig::load(path);
        QVERIFY(loaded.fileExists());
        QVERIFY(loaded.hasError());
        QVERIFY2(loaded.errorString().contains(path), qPrintable(loaded.errorString()));
    }

    // Issue 10 item 8: a FIFO at the config path used to block the caller forever.
    void fifoIsAnErrorNotAHang()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        auto loading
            = std::async(std::launch::async, [path] { return AliyunCliConfig::load(path); });
        if (loading.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
            // Release the blocked reader so the test fails instead of hanging.
            const int writer = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
            QFAIL("AliyunCliConfig::load blocked on a FIFO");
        }
        const AliyunCliConfig loaded = loading.get();
        QVERIFY(loaded.fileExists());
        QVERIFY(loaded.hasError());
        QCOMPARE(loaded.errorString(), path + QStringLiteral(" is not a regular file (a FIFO)"));
    }

    void symlinkToDevZeroIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
        const auto loaded = AliyunCliConfig::load(path);
        QVERIFY(loaded.hasError());
        QVERIFY2(loaded.errorString().contains(QStringLiteral("is not a regular file")),
            qPrintable(loaded.errorString()));
    }

    void oversizedFileIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(2 * 1024 * 1024)); // sparse: cheap to make
        file.close();
        const auto loaded = AliyunCliConfig::load(path);
        QVERIFY(loaded.hasError());
        QCOMPARE(loaded.errorString(), path + QStringLiteral(" is larger than 1 MiB"));
    }

    // Issue 10 item 10a: values pasted into config.json with whitespace around them.
    void pastedWhitespaceIsTrimmedAndInnerRefused()
    {
        const QByteArray json = config("padded",
            { "{\"name\": \"padded\", \"mode\": \"AK\", \"access_key_id\": \" LTAI5tPad\\n\", "
              "\"access_key_secret\": \"\\t"
                    + secretMarker + " \"}",
                "{\"name\": \"broken\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5tOk\", "
                "\"access_key_secret\": \"ab cd\"}" });
        const auto parsed = AliyunCliConfig::parse(json, QStringLiteral("config.json"));
        QVERIFY(!parsed.hasError());
        const auto padded = parsed.profile(QStringLiteral("padded"));
        QVERIFY(padded && padded->supported);
        QCOMPARE(padded->credential.accessKeyId, QStringLiteral("LTAI5tPad"));
        QCOMPARE(padded->credential.accessKeySecret, QString::fromLatin1(secretMarker));
        const auto broken = parsed.profile(QStringLiteral("broken"));
        QVERIFY(broken && !broken->supported);
        QVERIFY2(broken->reason.contains(QStringLiteral("contains a space or line break inside")),
            qPrintable(broken->reason));
        QVERIFY(!broken->reason.contains(QStringLiteral("ab cd")));
    }

    void defaultPathIsUnderHome()
    {
        QCOMPARE(AliyunCliConfig::defaultPath(),
            QDir::homePath() + QStringLiteral("/.aliyun/config.json"));
    }
};

QTEST_GUILESS_MAIN(TestAliyunCliConfig)
#include "tst_aliyuncliconfig.moc"

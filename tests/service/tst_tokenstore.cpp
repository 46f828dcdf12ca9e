// TokenStore: the in-memory store, and the QtKeychain store against a real gnome-keyring
// (CI runs tests under dbus-run-session with an unlocked keyring; without a session bus the
// keychain test is skipped). Callbacks are asynchronous, once, and dropped with their context.
#include "KeychainTokenStore.h"
#include "TokenStore.h"

#include <QRandomGenerator>
#include <QTest>
#include <memory>

using namespace cw;

namespace {

TokenResult waitFor(const std::function<void(TokenStore::Callback)>& op, bool* called,
                    int timeoutMs = 15000)
{
    TokenResult out;
    int calls = 0;
    op([&](const TokenResult& r) {
        out = r;
        ++calls;
    });
    const bool synchronous = calls > 0;
    (void)QTest::qWaitFor([&] { return calls > 0; }, timeoutMs);
    QTest::qWait(20); // a second delivery would show up here
    *called = calls == 1 && !synchronous;
    return out;
}

} // namespace

class TestTokenStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void droppedContext();
    void keychainTimeout();

private:
    std::unique_ptr<TokenStore> makeStore(const QString& kind, QString* skip);
};

std::unique_ptr<TokenStore> TestTokenStore::makeStore(const QString& kind, QString* skip)
{
    if (kind == QLatin1String("memory"))
        return std::make_unique<MemoryTokenStore>();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        *skip = QStringLiteral("no D-Bus session bus (run under dbus-run-session with "
                               "gnome-keyring)");
        return nullptr;
    }
    auto store = std::make_unique<KeychainTokenStore>(
        QStringLiteral("clipwright-test-%1").arg(QRandomGenerator::global()->generate()));
    store->setTimeout(10000);
    return store;
}

void TestTokenStore::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << QStringLiteral("memory");
    QTest::newRow("keychain") << QStringLiteral("keychain");
}

void TestTokenStore::roundTrip()
{
    QFETCH(QString, kind);
    QString skip;
    auto store = makeStore(kind, &skip);
    if (!store)
        QSKIP(qPrintable(skip));
    QObject context;
    const QString key = QStringLiteral("cloud-token");
    const QString secret =
        QStringLiteral("s3cr3t-\u4ee4\u724c-%1").arg(QRandomGenerator::global()->generate());
    bool once = false;

    TokenResult r = waitFor([&](auto cb) { store->read(key, &context, cb); }, &once);
    QVERIFY(once);
    QVERIFY(!r.ok);
    QVERIFY2(r.notFound, qPrintable(r.error));

    r = waitFor([&](auto cb) { store->write(key, secret, &context, cb); }, &once);
    QVERIFY(once);
    QVERIFY2(r.ok, qPrintable(r.error));

    r = waitFor([&](auto cb) { store->read(key, &context, cb); }, &once);
    QVERIFY(once);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value, secret);

    const QString replaced = secret + QStringLiteral("-2");
    r = waitFor([&](auto cb) { store->write(key, replaced, &context, cb); }, &once);
    QVERIFY2(r.ok, qPrintable(r.error));
    r = waitFor([&](auto cb) { store->read(key, &context, cb); }, &once);
    QCOMPARE(r.value, replaced);

    r = waitFor([&](auto cb) { store->remove(key, &context, cb); }, &once);
    QVERIFY(once);
    QVERIFY2(r.ok, qPrintable(r.error));

    r = waitFor([&](auto cb) { store->read(key, &context, cb); }, &once);
    QVERIFY(!r.ok);
    QVERIFY(r.notFound);
    QVERIFY(!r.error.contains(secret));
}

void TestTokenStore::droppedContext()
{
    MemoryTokenStore store;
    int calls = 0;
    {
        QObject context;
        store.write(QStringLiteral("k"), QStringLiteral("v"), &context,
                    [&](const TokenResult&) { ++calls; });
    } // context gone before the answer
    QTest::qWait(50);
    QCOMPARE(calls, 0);
    QObject context;
    store.read(QStringLiteral("k"), &context, [&](const TokenResult& r) {
        ++calls;
        QCOMPARE(r.value, QStringLiteral("v")); // the write itself still happened
    });
    QTRY_COMPARE(calls, 1);
}

void TestTokenStore::keychainTimeout()
{
    // A keychain that answers later than the store's timeout: the caller hears "did not
    // answer" once, and the late real answer is dropped.
    QString skip;
    auto store = makeStore(QStringLiteral("keychain"), &skip);
    if (!store)
        QSKIP(qPrintable(skip));
    static_cast<KeychainTokenStore*>(store.get())->setTimeout(0);
    QObject context;
    QList<TokenResult> results;
    store->write(QStringLiteral("k"), QStringLiteral("secret-value"), &context,
                 [&](const TokenResult& r) { results << r; });
    QTRY_COMPARE(results.size(), 1);
    QVERIFY(!results.first().ok);
    QVERIFY2(results.first().error.contains(QStringLiteral("did not answer")),
             qPrintable(results.first().error));
    QVERIFY(!results.first().error.contains(QStringLiteral("secret-value")));
    QTest::qWait(1500);
    QCOMPARE(results.size(), 1);

    // Clean up whatever the late write stored.
    static_cast<KeychainTokenStore*>(store.get())->setTimeout(10000);
    bool once = false;
    waitFor([&](auto cb) { store->remove(QStringLiteral("k"), &context, cb); }, &once);
    QVERIFY(once);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"

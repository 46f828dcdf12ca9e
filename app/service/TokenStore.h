// Where secrets (cloud tokens, the client id) are kept. Asynchronous because the system
// keychain is: a callback runs once per request, later, and only while `context` is alive.
// KeychainTokenStore is the real one; MemoryTokenStore serves tests and a disabled keychain.
// Values are never logged and never appear in error strings.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace cw {

struct TokenResult {
    bool ok = false;
    bool notFound = false; // read/remove of a key that is not stored
    QString value;         // read
    QString error;         // user-facing, when !ok
};

class TokenStore : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const TokenResult&)>;
    using QObject::QObject;

    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QString& value, QObject* context,
                       Callback done) = 0;
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;
};

class MemoryTokenStore : public TokenStore {
    Q_OBJECT
public:
    using TokenStore::TokenStore;

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

private:
    void deliver(QObject* context, Callback done, const TokenResult& result);
    QHash<QString, QString> m_values;
};

} // namespace cw

// TokenStore over QtKeychain (libsecret / gnome-keyring on Linux). Every job has its own
// timeout: with a session bus but no unlocked keyring a job may never finish (PLATFORM.md),
// and a hung keychain must not hang the app. A job that answers after its timeout is ignored.
#pragma once

#include "TokenStore.h"

namespace QKeychain {
class Job;
}

namespace cw {

class KeychainTokenStore : public TokenStore {
    Q_OBJECT
public:
    explicit KeychainTokenStore(const QString& service = QStringLiteral("Clipwright"),
                                QObject* parent = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; } // default 10 s
    QString service() const { return m_service; }

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QString& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

private:
    void run(QKeychain::Job* job, bool isRead, QObject* context, Callback done);

    QString m_service;
    int m_timeoutMs = 10000;
};

} // namespace cw

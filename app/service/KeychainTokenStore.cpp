// See KeychainTokenStore.h. Jobs delete themselves (autoDelete) when they finish; a job that
// never finishes is abandoned after the timeout rather than deleted mid-call.
#include "KeychainTokenStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace cw {

KeychainTokenStore::KeychainTokenStore(const QString& service, QObject* parent)
    : TokenStore(parent), m_service(service)
{}

void KeychainTokenStore::read(const QString& key, QObject* context, Callback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    run(job, true, context, std::move(done));
}

void KeychainTokenStore::write(const QString& key, const QString& value, QObject* context,
                               Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    run(job, false, context, std::move(done));
}

void KeychainTokenStore::remove(const QString& key, QObject* context, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    run(job, false, context, std::move(done));
}

void KeychainTokenStore::run(QKeychain::Job* job, bool isRead, QObject* context, Callback done)
{
    struct Pending {
        bool delivered = false;
        QPointer<QObject> context;
        Callback done;
        void deliver(const TokenResult& r)
        {
            if (delivered)
                return;
            delivered = true;
            if (context && done)
                done(r);
        }
    };
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->done = std::move(done);

    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [pending, isRead](QKeychain::Job* j) {
        TokenResult r;
        switch (j->error()) {
        case QKeychain::NoError:
            r.ok = true;
            if (isRead)
                r.value = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
            break;
        case QKeychain::EntryNotFound:
            r.notFound = true;
            r.error = QCoreApplication::translate("TokenStore", "No saved value.");
            break;
        default:
            r.error = QCoreApplication::translate("TokenStore",
                                                  "The system keychain is not available: %1")
                          .arg(j->errorString());
            break;
        }
        pending->deliver(r);
    });
    QTimer::singleShot(m_timeoutMs, this, [pending] {
        TokenResult r;
        r.error = QCoreApplication::translate(
            "TokenStore", "The system keychain did not answer. Is it locked or not running?");
        pending->deliver(r);
    });
    job->start();
}

} // namespace cw

// The in-memory store answers on the next event-loop turn, like the keychain does, so code
// written against it does not come to rely on synchronous callbacks.
#include "TokenStore.h"

#include <QCoreApplication>
#include <QPointer>

namespace cw {

void MemoryTokenStore::deliver(QObject* context, Callback done, const TokenResult& result)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        this,
        [guard, done = std::move(done), result] {
            if (guard && done)
                done(result);
        },
        Qt::QueuedConnection);
}

void MemoryTokenStore::read(const QString& key, QObject* context, Callback done)
{
    TokenResult r;
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        r.notFound = true;
        r.error = QCoreApplication::translate("TokenStore", "No saved value.");
    } else {
        r.ok = true;
        r.value = it.value();
    }
    deliver(context, std::move(done), r);
}

void MemoryTokenStore::write(const QString& key, const QString& value, QObject* context,
                             Callback done)
{
    m_values.insert(key, value);
    TokenResult r;
    r.ok = true;
    deliver(context, std::move(done), r);
}

void MemoryTokenStore::remove(const QString& key, QObject* context, Callback done)
{
    TokenResult r;
    r.ok = m_values.remove(key) > 0;
    r.notFound = !r.ok;
    if (!r.ok)
        r.error = QCoreApplication::translate("TokenStore", "No saved value.");
    deliver(context, std::move(done), r);
}

} // namespace cw

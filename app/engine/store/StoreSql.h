// Small helpers shared by the Store implementation files (not part of the Store API).
#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QString>

namespace cw::engine {

// Executes and logs the driver's error on failure (never user data).
bool sqlExec(QSqlQuery& query);
bool sqlExec(QSqlQuery& query, const QString& statement);

// Text columns are NOT NULL; a null QString would bind as NULL.
inline QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace cw::engine

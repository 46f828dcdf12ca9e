// In-flight render jobs, kept in a small JSON file so that a restart of the app (a new
// EditorSession on the same session) resumes polling and downloading instead of orphaning
// the job. One entry per session; written when a job is accepted, removed when it ends.
// Holds no secrets: ids, the destination path and the preset only.
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace cw {

struct RenderJob {
    QString sessionId;
    QString renderId;
    QString destination;
    QString preset;
};

class RenderJournal {
public:
    explicit RenderJournal(const QString& path = {}); // empty: default path
    static QString defaultPath();                     // <app data>/render-jobs.json
    QString path() const { return m_path; }

    std::optional<RenderJob> find(const QString& sessionId) const;
    bool record(const RenderJob& job); // replaces the session's entry
    bool remove(const QString& sessionId);

private:
    QList<RenderJob> load() const;
    bool save(const QList<RenderJob>& jobs) const;
    QString m_path;
};

} // namespace cw

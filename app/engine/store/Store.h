// The engine's persistent state: SQLite (WAL) in <data-dir>/engine.db through Qt Sql, plus
// the media/, renders/ and tmp/ folders beside it. Every draft edit is a new row in
// `drafts`; a session's head_version says which one is current, so undo/redo only move the
// head (and a new edit after an undo makes the newest child of the head the redo target,
// which drops the old redo branch without deleting it).
// Threading: HTTP handlers run on many pool threads and Qt allows a QSqlDatabase to be used
// only on the thread that opened it, so every thread gets its own connection (opened lazily,
// closed when the thread exits). Writes are serialised by a mutex; SQLite's WAL lets reads
// run beside them. Read-modify-write edits of a draft hold editMutex() across the edit.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <mutex>
#include <optional>

namespace cw::engine {

struct SessionRecord {
    QString id;
    QString taskId;
    QString language;
    qint64 created = 0;
    int headVersion = 0;
};

struct DraftVersion {
    int version = 0;
    int parentVersion = 0;
    QString label;
    QByteArray json;
    qint64 created = 0;
};

struct MediaRecord {
    QString id;
    QString sessionId;
    QString filename; // sanitised original name, for display only
    QString kind;     // video, audio, image
    QString path;     // absolute (stored relative to the data dir)
    QString hash;     // sha256 hex of the content
    qint64 durationMs = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
    bool hasAudio = false;
    bool hasVideo = false;
    qint64 created = 0;
};

struct JobRecord {
    QString id;
    QString sessionId;
    QString status; // pending, processing, completed, failed
    int progress = 0;
    QString outputPath; // absolute, when completed
    QString error;
    QString preset;
    bool cancelled = false;
    qint64 created = 0;
    qint64 updated = 0;
    // A preview's playable window while the whole is still drawn (PreviewAssembly.h); kept
    // in memory only: the file goes when the job ends.
    QString windowPath;
    qint64 windowFromMs = -1;
    qint64 windowToMs = -1;
    // Where the render's time went (render/RenderStages.h), in memory only.
    QJsonArray stages{};
};

// Undo/redo outcome: `from` is the head before, `to` the head after.
struct HeadMove {
    bool ok = false;
    DraftVersion from;
    DraftVersion to;
};

class Store {
public:
    Store();
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Creates the folders and schema, switches to WAL, fails jobs a killed engine left
    // running and deletes stale partial files.
    bool open(const QString& dataDir, QString* error = nullptr);
    void close();

    QString dataDir() const { return m_dataDir; }
    QString mediaDir() const;
    QString rendersDir() const;
    QString tmpDir() const;
    QString journalMode(); // "wal" once open

    // Sessions and drafts. A new session's first version is newSessionDraft() unless given.
    static QByteArray newSessionDraft(); // empty 1920x1080 timeline at 30 fps
    std::optional<SessionRecord> createSession(const QString& language,
                                               const QByteArray& initialDraft = newSessionDraft());
    std::optional<SessionRecord> session(const QString& id);
    std::optional<DraftVersion> headDraft(const QString& sessionId);
    std::optional<DraftVersion> draftVersion(const QString& sessionId, int version);
    // Stores `json` as a new version whose parent is the current head and moves the head to
    // it. Returns the new version number, 0 on failure.
    int addDraftVersion(const QString& sessionId, const QByteArray& json, const QString& label);
    HeadMove undo(const QString& sessionId);
    HeadMove redo(const QString& sessionId);
    std::mutex& editMutex() { return m_editMutex; }

    // Media and analyses.
    bool addMedia(const MediaRecord& media);
    std::optional<MediaRecord> media(const QString& id);
    QList<MediaRecord> sessionMedia(const QString& sessionId);
    std::optional<QByteArray> analysis(const QString& hash);
    bool putAnalysis(const QString& hash, const QByteArray& json);

    // Render jobs.
    bool addJob(const JobRecord& job);
    bool updateJob(const JobRecord& job);
    std::optional<JobRecord> job(const QString& id);
    int failUnfinishedJobs(const QString& error); // returns how many were failed
    // Completed renders of `preset` in a session beyond the newest `keep`: their files are
    // deleted and the jobs marked failed with `why`. Returns their ids.
    QStringList expireRenders(const QString& sessionId, const QString& preset, int keep,
                              const QString& why);

    static QString staleJobError();

private:
    QSqlDatabase connection();
    bool createSchema(QSqlDatabase& db, QString* error);
    void removeStalePartials();
    QString relativePath(const QString& absolute) const;
    QString absolutePath(const QString& relative) const;

    QString m_dataDir;
    QString m_dbPath;
    quint64 m_instance = 0;
    bool m_open = false;
    std::mutex m_writeMutex;
    std::mutex m_editMutex;
    std::mutex m_namesMutex;
    QStringList m_connectionNames;
};

QString newId(const QString& prefix); // prefix + 20 random hex digits

} // namespace cw::engine

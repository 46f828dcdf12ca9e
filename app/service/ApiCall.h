// A handle for one request made through ApiClient. Callers connect to finished() and
// progress() and never see the QNetworkReply (STYLE.md point 2: one gateway to the network).
// The call deletes itself after finished() has been delivered; hold it in a QPointer when
// you may want to abort() it later. finished() is emitted exactly once, also after abort().
#pragma once

#include "ApiError.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QFile;
class QNetworkReply;

namespace cw {

class ApiCall : public QObject {
    Q_OBJECT
public:
    ~ApiCall() override;

    void abort(); // ends with ErrorCode::Cancelled
    bool isFinished() const { return m_finished; }
    const Envelope& result() const { return m_result; }
    QString description() const { return m_description; } // method + path, never the token

Q_SIGNALS:
    void finished(const cw::Envelope& envelope);
    void progress(qint64 done, qint64 total); // total is -1 when unknown

private:
    friend class ApiClient;
    enum class Mode { Json, Upload, Download };
    ApiCall(QNetworkReply* reply, Mode mode, const QString& description, QObject* parent);

    void setDownloadTarget(const QString& destination); // before the first byte arrives
    void finishLater(const Envelope& e);                // a call that failed before sending
    void onReadyRead();
    void onFinished();
    void finish(const Envelope& e);
    bool downloadCommit(QString* error);
    void downloadDiscard();
    bool isSuccessStatus() const;

    QPointer<QNetworkReply> m_reply;
    Mode m_mode;
    QString m_description;
    QByteArray m_body;
    QString m_destination;
    QFile* m_part = nullptr;
    qint64 m_written = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    Envelope m_result;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::Envelope)

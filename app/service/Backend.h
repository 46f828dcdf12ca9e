// Composition root of the service layer for the desktop app: starts the local engine (the
// default backend), points the API client at it and opens an editor session.
#pragma once

#include <QObject>
#include <QString>

namespace cw {

class ApiClient;
class EditorSession;
class LocalEngine;

class Backend : public QObject {
    Q_OBJECT
public:
    explicit Backend(QObject* parent = nullptr);
    ~Backend() override; // stops the engine

    void setEngineProgram(const QString& path); // default: beside the app, then PATH
    void setEngineDataDir(const QString& dir);  // default: app data dir + "/engine"
    void start(const QString& language = QStringLiteral("en"));

    EditorSession* session() const;
    ApiClient* api() const;
    LocalEngine* engine() const;
    QString backendName() const; // "Local engine"
    bool isConnected() const;

Q_SIGNALS:
    void connected();
    void connectionFailed(const QString& message);
    void statusMessage(const QString& message);

private:
    ApiClient* m_api;
    LocalEngine* m_engine;
    EditorSession* m_session;
    QString m_language;
    bool m_connected = false;
};

} // namespace cw

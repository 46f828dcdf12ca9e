// Export progress for the status bar: a progress bar with the phase (rendering, saving) and
// the time left, estimated from the progress rate since the start, and a Cancel button.
// When the export is done it offers "Show in folder" and "Play" until dismissed. Hidden
// while no export runs. The clock and the folder opener are injectable for tests.
#pragma once

#include <QUrl>
#include <QWidget>
#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace cw {

class ExportBar : public QWidget {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    using OpenUrlHook = std::function<void(const QUrl&)>;

    explicit ExportBar(QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }
    QString resultPath() const { return m_result; }
    qint64 secondsLeft() const { return m_secondsLeft; } // -1 while unknown
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setOpenUrlHook(OpenUrlHook hook) { m_openUrl = std::move(hook); }

    static QString formatTimeLeft(qint64 seconds); // "about 12 s left", "about 3 min left"

public Q_SLOTS:
    void start();
    void setProgress(int percent, const QString& phase);
    void finish();                        // failed or cancelled: hide
    void finishWith(const QString& path); // done: offer Show in folder / Play
    void showInFolder();

Q_SIGNALS:
    void cancelRequested();
    void playRequested(const QString& path);

private:
    qint64 now() const;

    QProgressBar* m_bar;
    QLabel* m_timeLeft;
    QLabel* m_done;
    QToolButton* m_cancel;
    QToolButton* m_showInFolder;
    QToolButton* m_play;
    QToolButton* m_dismiss;
    Clock m_clock;
    OpenUrlHook m_openUrl;
    qint64 m_startedMs = 0;
    qint64 m_secondsLeft = -1;
    QString m_result;
};

} // namespace cw

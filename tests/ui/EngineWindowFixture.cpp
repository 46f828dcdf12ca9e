#include "EngineWindowFixture.h"

#include "EditorSession.h"
#include "ExportDialog.h"
#include "TestMedia.h"
#include "TimelineView.h"

#include <QDir>
#include <QTest>
#include <QToolButton>
#include <QWidget>

namespace cw::test {

bool makeToneClip(const QString& out, const QString& source, int seconds, int frequency,
                  QString* error)
{
    const QString d = QString::number(seconds);
    return runFfmpeg({"-f", "lavfi", "-i",
                      source + QStringLiteral("=size=320x240:rate=25:duration=") + d, "-f", "lavfi",
                      "-i", QStringLiteral("sine=frequency=%1:duration=%2").arg(frequency).arg(d),
                      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a",
                      "aac", "-shortest", out},
                     error);
}

bool saveScreenshot(QWidget* widget, const QString& name)
{
    const QDir dir(QStringLiteral(CLIPWRIGHT_BUILD_DIR "/screenshots"));
    QDir().mkpath(dir.path());
    return widget->grab().save(dir.filePath(name));
}

EngineWindowFixture::EngineWindowFixture(const QString& engineDataDir, QSize size)
    : m_window(&m_backend)
{
    m_backend.setEngineDataDir(engineDataDir);
    m_window.resize(size);
}

TimelineView* EngineWindowFixture::timeline() const
{
    return m_window.findChild<TimelineView*>(QStringLiteral("timelineView"));
}

bool EngineWindowFixture::start()
{
    m_window.show();
    if (!QTest::qWaitForWindowExposed(&m_window))
        return fail(QStringLiteral("the main window was not exposed"));
    m_backend.start();
    const auto ready = [this] { return m_backend.isConnected() && m_backend.session()->isReady(); };
    if (!QTest::qWaitFor(ready, 30000))
        return fail(QStringLiteral("the local engine was not connected and ready within 30 s"));
    return true;
}

bool EngineWindowFixture::addMedia(const QStringList& clips)
{
    TimelineView* view = timeline();
    if (!view)
        return fail(QStringLiteral("no timelineView in the main window"));
    const int expected = view->segmentCount() + int(clips.size());
    m_window.setOpenFilesHook([clips](QWidget*) { return clips; });
    m_window.addMedia();
    if (!QTest::qWaitFor([&] { return view->segmentCount() == expected; }, 60000))
        return fail(QStringLiteral("%1 segment(s) on the timeline after 60 s, expected %2")
                        .arg(view->segmentCount())
                        .arg(expected));
    return true;
}

ExportDialog* EngineWindowFixture::openExportDialog()
{
    auto* button = m_window.findChild<QToolButton*>(QStringLiteral("exportButton"));
    if (!button || !QTest::qWaitFor([button] { return button->isEnabled(); }, 5000)) {
        fail(QStringLiteral("no enabled exportButton within 5 s"));
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    ExportDialog* dialog = nullptr;
    const auto shown = [&] {
        dialog = m_window.findChild<ExportDialog*>(QStringLiteral("exportDialog"));
        return dialog && dialog->isVisible();
    };
    if (!QTest::qWaitFor(shown, 5000)) {
        fail(QStringLiteral("no visible exportDialog within 5 s"));
        return nullptr;
    }
    return dialog;
}

bool EngineWindowFixture::fail(const QString& error)
{
    m_error = error;
    return false;
}

} // namespace cw::test

// What the GUI tests that drive the real window share: a generated clip, the real MainWindow
// against a real local engine (shown, engine started, session ready), media uploaded through
// the window's open-files hook, the export dialog opened from the toolbar, and screenshots in
// <build>/screenshots.
//
// The steps return false (or nullptr) with error() set instead of failing the test
// themselves: QVERIFY only returns from the function it is in, so a helper that used it would
// let the test run on. The caller's QVERIFY2 stops the test at the step that went wrong:
//     EngineWindowFixture app(tmp.filePath(QStringLiteral("engine")));
//     QVERIFY2(app.start() && app.addMedia({clip}), qPrintable(app.error()));
#pragma once

#include "Backend.h"
#include "MainWindow.h"

#include <QSize>
#include <QString>
#include <QStringList>

class QWidget;

namespace cw {
class ExportDialog;
class TimelineView;
} // namespace cw

namespace cw::test {

// Writes a small H.264/AAC MP4 to `out` (320x240, 25 fps): `source` is a lavfi picture
// ("testsrc2", "testsrc", ...) with a sine tone of `frequency` Hz, both `seconds` long.
[[nodiscard]] bool makeToneClip(const QString& out, const QString& source, int seconds,
                                int frequency, QString* error);

// Saves widget->grab() as <build>/screenshots/<name>.
[[nodiscard]] bool saveScreenshot(QWidget* widget, const QString& name);

class EngineWindowFixture {
public:
    // The engine keeps its data in `engineDataDir` (inside the test's temporary directory).
    explicit EngineWindowFixture(const QString& engineDataDir, QSize size = QSize(1400, 900));

    // Shows the window and waits until it is exposed, starts the local engine and waits
    // until it is connected and the session is ready (30 s).
    [[nodiscard]] bool start();
    // Adds `clips` through the open-files hook (which keeps answering with them) and waits
    // until the timeline has one more segment for each (60 s).
    [[nodiscard]] bool addMedia(const QStringList& clips);
    // Clicks the toolbar's Export button once it is enabled and returns the export dialog
    // once it is shown (5 s each), or nullptr.
    [[nodiscard]] ExportDialog* openExportDialog();

    Backend& backend() { return m_backend; }
    MainWindow& window() { return m_window; }
    TimelineView* timeline() const;
    QString error() const { return m_error; }

private:
    bool fail(const QString& error);

    // Declared in this order so the window goes before the engine, as in a test body.
    Backend m_backend;
    MainWindow m_window;
    QString m_error;
};

} // namespace cw::test

// The floor for the app-start figure: what any Qt Widgets app pays on this machine and
// platform plugin before a window is on screen (QApplication, a QMainWindow with a menu
// bar and a status bar, shown and laid out). Prints "qtfloor: shown after <ms> ms" to stderr
// once the first show has been processed, then quits.
#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QElapsedTimer t;
    t.start();
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("File"));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 800);
    window.show();
    QTimer::singleShot(0, &app, [&] {
        std::fprintf(stderr, "qtfloor: shown after %lld ms\n", static_cast<long long>(t.elapsed()));
        app.quit();
    });
    return app.exec();
}

// Export progress for the status bar: a progress bar with the phase (rendering, downloading)
// and a Cancel button. Hidden while no export runs.
#pragma once

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace cw {

class ExportBar : public QWidget {
    Q_OBJECT
public:
    explicit ExportBar(QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }

public Q_SLOTS:
    void start();
    void setProgress(int percent, const QString& phase);
    void finish();

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace cw

// Help > Keyboard shortcuts: a read-only table of the keys the window understands, built
// from the live QActions (so it shows what is really bound) plus the keys handled inside
// widgets (timeline, preview, chat input), which have no QAction.
#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace cw {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    int rowCount() const { return m_rows; }

private:
    int m_rows = 0;
};

} // namespace cw

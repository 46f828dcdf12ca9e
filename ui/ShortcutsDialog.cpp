// See ShortcutsDialog.h.
#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cw {

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    QList<QPair<QString, QString>> rows;
    for (const QAction* action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        rows << qMakePair(action->shortcut().toString(QKeySequence::NativeText),
                          action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    }
    rows << qMakePair(tr("Space"), tr("Play or pause the preview"))
         << qMakePair(tr("J / K / L"),
                      tr("Viewer: back a second or slower / pause / play, faster (up to 4×)"))
         << qMakePair(tr(", / ."), tr("Viewer: previous or next frame"))
         << qMakePair(tr("Delete"), tr("Delete the selected clip (asks the agent)"))
         << qMakePair(tr("Left / Right"), tr("Select the previous or next clip"))
         << qMakePair(tr("Drag a clip's edge"), tr("Trim the clip (asks the agent)"))
         << qMakePair(tr("Drag a clip"), tr("Move the clip (asks the agent)"))
         << qMakePair(tr("Esc"), tr("Cancel the drag"))
         << qMakePair(tr("Ctrl+Wheel"), tr("Zoom the timeline"))
         << qMakePair(tr("Enter / Shift+Enter"), tr("Send the message / new line"))
         << qMakePair(tr("Up"), tr("Recall the previous message"));
    auto* table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    m_rows = int(rows.size());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("shortcutsClose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 420);
}

} // namespace cw

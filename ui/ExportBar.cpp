// See ExportBar.h.
#include "ExportBar.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace cw {

ExportBar::ExportBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("exportBar"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("exportProgress"));
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setRange(0, 100);
    m_bar->setMinimumWidth(180);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel export"));
    m_cancel->setToolTip(tr("Cancel the export"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ExportBar::cancelRequested);
    hide();
}

void ExportBar::start()
{
    setProgress(0, QString());
    m_cancel->setEnabled(true);
    show();
}

void ExportBar::setProgress(int percent, const QString& phase)
{
    m_bar->setValue(std::clamp(percent, 0, 100));
    if (phase == QLatin1String("downloading"))
        m_bar->setFormat(tr("Saving %p%"));
    else if (phase == QLatin1String("rendering"))
        m_bar->setFormat(tr("Rendering %p%"));
    else
        m_bar->setFormat(tr("Exporting %p%"));
    if (isHidden())
        show();
}

void ExportBar::finish()
{
    hide();
}

} // namespace cw

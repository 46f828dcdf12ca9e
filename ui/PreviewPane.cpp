// See PreviewPane.h.
#include "PreviewPane.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace cw {

PreviewPane::PreviewPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Preview"));

    m_placeholder = new QLabel(tr("Select a clip to preview it"), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setFrameShape(QFrame::StyledPanel);
    m_placeholder->setMinimumSize(160, 90);

    auto* screen = new QWidget(this);
    m_stack = new QStackedLayout(screen);
    m_stack->addWidget(m_placeholder);

    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("previewPlayButton"));
    m_play->setAccessibleName(tr("Play or pause the preview"));
    m_play->setEnabled(false);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setForegroundRole(QPalette::PlaceholderText);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_title, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(screen, 1);
    layout->addLayout(controls);

    connect(m_play, &QToolButton::clicked, this, &PreviewPane::togglePlay);
    updateButton();
}

void PreviewPane::ensurePlayer()
{
    if (m_player)
        return;
    m_video = new QVideoWidget(this);
    m_video->setObjectName(QStringLiteral("previewVideo"));
    m_video->setAccessibleName(tr("Video preview"));
    m_stack->addWidget(m_video);
    m_player = new QMediaPlayer(this);
    m_player->setVideoOutput(m_video);
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PreviewPane::updateButton);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PreviewPane::positionChanged);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) {
                m_title->setText(tr("Cannot play: %1").arg(message));
                Q_EMIT playbackError(message);
            });
}

void PreviewPane::setSource(const QUrl& localFile, bool autoplay)
{
    if (!localFile.isValid() || localFile.isEmpty())
        return;
    ensurePlayer();
    m_source = localFile;
    m_player->stop();
    m_player->setSource(localFile);
    m_stack->setCurrentWidget(m_video);
    m_title->setText(localFile.fileName());
    m_play->setEnabled(true);
    if (autoplay)
        m_player->play();
    updateButton();
}

void PreviewPane::togglePlay()
{
    if (!m_player)
        return;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void PreviewPane::stop()
{
    if (m_player)
        m_player->stop();
}

void PreviewPane::seek(qint64 ms)
{
    if (m_player && !m_source.isEmpty())
        m_player->setPosition(std::max<qint64>(0, ms));
}

void PreviewPane::updateButton()
{
    const bool playing = m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause") : tr("Play"));
}

} // namespace cw

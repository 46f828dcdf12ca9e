// See PreviewPane.h.
#include "PreviewPane.h"

#include "TimelineLayout.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QSlider>
#include <QStackedLayout>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoWidget>
#include <cmath>

namespace cw {

namespace {

QToolButton* toolButton(QWidget* parent, const char* name, const QString& accessible,
                        QStyle::StandardPixmap pixmap)
{
    auto* b = new QToolButton(parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(accessible);
    b->setToolTip(accessible);
    b->setIcon(parent->style()->standardIcon(pixmap));
    b->setFocusPolicy(Qt::NoFocus); // keys go to the pane (Space, arrows)
    b->setEnabled(false);
    return b;
}

} // namespace

PreviewPane::PreviewPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Preview"));
    setFocusPolicy(Qt::StrongFocus);

    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("previewModeBox"));
    m_modeBox->setAccessibleName(tr("What the preview shows"));
    m_modeBox->addItem(tr("Source clip"));
    m_modeBox->addItem(tr("Current edit"));
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setForegroundRole(QPalette::PlaceholderText);

    m_placeholder = new QLabel(tr("Select a clip to preview it"), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setFrameShape(QFrame::StyledPanel);
    m_placeholder->setMinimumSize(160, 90);
    auto* screen = new QWidget(this);
    screen->setMinimumSize(160, 90); // QVideoWidget's own hint is empty: keep a picture
    m_stack = new QStackedLayout(screen);
    m_stack->addWidget(m_placeholder);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("previewBanner"));
    m_banner->setAccessibleName(tr("Preview status"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::Highlight);
    m_banner->setForegroundRole(QPalette::HighlightedText);
    m_banner->hide();

    m_back =
        toolButton(this, "previewStepBack", tr("Previous frame (,)"), QStyle::SP_MediaSeekBackward);
    m_play = toolButton(this, "previewPlayButton", tr("Play or pause the preview"),
                        QStyle::SP_MediaPlay);
    m_forward =
        toolButton(this, "previewStepForward", tr("Next frame (.)"), QStyle::SP_MediaSeekForward);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("previewSeekSlider"));
    m_slider->setAccessibleName(tr("Preview position"));
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_slider->setEnabled(false);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("previewTimeLabel"));
    m_time->setAccessibleName(tr("Preview time"));
    m_time->setTextFormat(Qt::PlainText);

    auto* top = new QHBoxLayout;
    top->addWidget(m_modeBox);
    top->addWidget(m_title, 1);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_time);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(screen, 1);
    layout->addWidget(m_banner);
    layout->addLayout(controls);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (isShowingEdit() && m_editStale)
            requestEditPreview();
    });
    connect(m_modeBox, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index == 1) {
            showCurrentEdit();
        } else if (m_clip.isValid()) {
            setSource(m_clip);
        } else {
            setMode(Mode::Source);
            unload();
        }
    });
    connect(m_play, &QToolButton::clicked, this, &PreviewPane::togglePlay);
    connect(m_back, &QToolButton::clicked, this, [this] { stepFrames(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { stepFrames(1); });
    connect(m_slider, &QSlider::sliderMoved, this, [this](int ms) {
        if (m_player)
            m_player->setPosition(ms);
    });
    updateControls();
    updateTime(0);
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
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PreviewPane::updateControls);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        updateTime(ms);
        Q_EMIT positionChanged(ms);
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this] { updateTime(position()); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus s) {
        if (s != QMediaPlayer::LoadedMedia && s != QMediaPlayer::BufferedMedia)
            return;
        const double fps = m_player->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
        m_fps = fps >= 1 && fps <= 240 ? fps : m_defaultFps;
        if (m_wanted >= 0) {
            m_player->setPosition(m_wanted);
            m_wanted = -1;
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) {
                m_title->setText(tr("Cannot play: %1").arg(message));
                Q_EMIT playbackError(message);
            });
}

void PreviewPane::load(const QUrl& file, bool autoplay)
{
    ensurePlayer();
    m_source = file;
    m_player->stop();
    m_player->setSource(file);
    m_stack->setCurrentWidget(m_video);
    if (autoplay)
        m_player->play();
    updateControls();
}

void PreviewPane::unload()
{
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_source.clear();
    m_stack->setCurrentWidget(m_placeholder);
    updateControls();
    updateTime(0);
}

void PreviewPane::setMode(Mode mode)
{
    m_modeBox->setCurrentIndex(mode == Mode::Edit ? 1 : 0);
    if (m_mode == mode)
        return;
    m_mode = mode;
    m_placeholder->setText(mode == Mode::Edit ? tr("The preview of your edit appears here")
                                              : tr("Select a clip to preview it"));
    if (mode == Mode::Source)
        showBanner({});
    Q_EMIT modeChanged(mode);
}

void PreviewPane::setSource(const QUrl& localFile, bool autoplay)
{
    if (!localFile.isValid() || localFile.isEmpty())
        return;
    m_clip = localFile;
    m_debounce.stop();
    m_playWhenReady = false;
    setMode(Mode::Source);
    m_wanted = -1;
    m_fps = m_defaultFps;
    m_title->setText(localFile.fileName());
    load(localFile, autoplay);
}

void PreviewPane::showCurrentEdit()
{
    setMode(Mode::Edit);
    m_title->clear();
    if (m_editFile.isEmpty()) {
        unload();
    } else if (m_source != QUrl::fromLocalFile(m_editFile)) {
        m_title->setText(tr("Version %1").arg(m_editVersion));
        load(QUrl::fromLocalFile(m_editFile), false);
    }
    if ((m_editStale || m_editFile.isEmpty()) && !m_editRequested)
        requestEditPreview();
    updateControls();
}

void PreviewPane::setEditStale()
{
    m_editStale = true;
    if (isShowingEdit())
        m_debounce.start();
}

void PreviewPane::requestEditPreview()
{
    m_debounce.stop();
    m_editRequested = true;
    showBanner(tr("Rendering preview… %1%").arg(0));
    Q_EMIT editPreviewRequested();
}

void PreviewPane::setEditPreview(const QString& localPath, int draftVersion)
{
    m_editRequested = false;
    m_editFile = localPath;
    m_editVersion = draftVersion;
    if (!m_debounce.isActive())
        m_editStale = false;
    if (!isShowingEdit())
        return;
    showBanner({});
    m_title->setText(tr("Version %1").arg(draftVersion));
    const bool loaded =
        m_player && !m_source.isEmpty() && m_player->mediaStatus() != QMediaPlayer::LoadingMedia;
    const qint64 at = loaded && m_wanted < 0 ? m_player->position() : std::max<qint64>(0, m_wanted);
    const bool playing = isPlaying() || m_playWhenReady;
    m_playWhenReady = false;
    load(QUrl::fromLocalFile(localPath), playing);
    m_wanted = at;
}

void PreviewPane::setEditProgress(int percent)
{
    if (m_editRequested && isShowingEdit())
        showBanner(tr("Rendering preview… %1%").arg(std::clamp(percent, 0, 100)));
}

void PreviewPane::setEditFailed(const QString& message)
{
    m_editRequested = false;
    m_playWhenReady = false;
    if (isShowingEdit())
        showBanner(tr("No preview: %1").arg(message));
}

bool PreviewPane::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 PreviewPane::position() const
{
    return m_player ? m_player->position() : 0;
}

void PreviewPane::setFrameRate(double fps)
{
    if (fps >= 1 && fps <= 240)
        m_defaultFps = m_fps = fps;
}

void PreviewPane::togglePlay()
{
    if (isShowingEdit() && (m_editStale || m_editFile.isEmpty()) && !m_editRequested) {
        m_playWhenReady = !isPlaying();
        requestEditPreview();
    }
    if (!m_player || m_source.isEmpty())
        return;
    if (isPlaying())
        pause();
    else
        play();
}

void PreviewPane::play()
{
    if (m_player && !m_source.isEmpty())
        m_player->play();
}

void PreviewPane::pause()
{
    if (m_player)
        m_player->pause();
}

void PreviewPane::stop()
{
    if (m_player)
        m_player->stop();
}

void PreviewPane::seek(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (!m_player || m_source.isEmpty() || m_player->mediaStatus() == QMediaPlayer::LoadingMedia) {
        m_wanted = ms;
        return;
    }
    m_player->setPosition(ms);
}

void PreviewPane::stepFrames(int frames)
{
    if (!m_player || m_source.isEmpty() || frames == 0)
        return;
    pause();
    const qint64 from = m_wanted >= 0 ? m_wanted : m_player->position();
    qint64 target = std::max<qint64>(0, from + qint64(std::lround(frames * 1000.0 / m_fps)));
    if (m_player->duration() > 0)
        target = std::min(target, m_player->duration());
    seek(target);
    updateTime(target);
}

void PreviewPane::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Space:
        togglePlay();
        return;
    case Qt::Key_Comma:
    case Qt::Key_Left:
        stepFrames(-1);
        return;
    case Qt::Key_Period:
    case Qt::Key_Right:
        stepFrames(1);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PreviewPane::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    QWidget::mousePressEvent(event);
}

void PreviewPane::updateControls()
{
    const bool loaded = m_player && !m_source.isEmpty();
    const bool playing = isPlaying();
    m_play->setEnabled(loaded || isShowingEdit());
    m_back->setEnabled(loaded);
    m_forward->setEnabled(loaded);
    m_slider->setEnabled(loaded);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void PreviewPane::updateTime(qint64 ms)
{
    const qint64 duration = m_player ? std::max<qint64>(0, m_player->duration()) : 0;
    if (m_slider->maximum() != int(duration))
        m_slider->setRange(0, int(duration));
    if (!m_slider->isSliderDown())
        m_slider->setValue(int(std::min(ms, duration)));
    m_time->setText(QStringLiteral("%1 / %2").arg(formatTimelineTime(ms, 100),
                                                  formatTimelineTime(duration, 100)));
}

QString PreviewPane::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void PreviewPane::showBanner(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

} // namespace cw

// GuiTranslator: GUI instructions in agent prose (English and Chinese) and sentences that
// merely mention the words, which must stay None.
#include "GuiTranslator.h"

#include <QTest>

Q_DECLARE_METATYPE(cw::GuiAction)

using cw::GuiAction;

class TestGuiTranslator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void translate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<GuiAction>("expected");
        auto row = [](const char* name, const char* text, GuiAction a) {
            QTest::newRow(name) << QString::fromUtf8(text) << a;
        };
        row("click export", "Done! Click the Export button to download your video.",
            GuiAction::Export);
        row("press export", "Press Export when you are happy.", GuiAction::Export);
        row("click download", "Click Download to save it.", GuiAction::Export);
        row("zh click export", "剪辑完成，请点击导出按钮。", GuiAction::Export);
        row("zh click download", "点击右上角的下载即可。", GuiAction::Export);
        row("open and export", "Open the menu and click Export.", GuiAction::Export);
        row("preview timeline", "You can preview it in the timeline.", GuiAction::ShowSummary);
        row("preview on timeline", "Preview the result on the timeline.", GuiAction::ShowSummary);
        row("zh preview", "请在时间线中预览效果。", GuiAction::ShowSummary);
        row("drag", "Drag the music clip onto the audio track.", GuiAction::SendEdit);
        row("zh drag", "把字幕拖拽到第二条轨道。", GuiAction::SendEdit);
        row("zh drag2", "将片段拖动到开头。", GuiAction::SendEdit);
        row("open project", "Open the project to see the changes.", GuiAction::FetchState);
        row("open editor", "Please open your editor.", GuiAction::FetchState);
        row("zh open", "请打开项目查看。", GuiAction::FetchState);
        // Mentions that are not instructions.
        row("empty", "", GuiAction::None);
        row("blank", "   \n", GuiAction::None);
        row("export later", "You can export later.", GuiAction::None);
        row("exported word", "I cut 3 pauses; the video is ready to be exported.", GuiAction::None);
        row("open question", "Is there anything open for discussion?", GuiAction::None);
        row("zh export no click", "视频已经可以导出了。", GuiAction::None);
        row("plain", "I removed 3 pauses (5.4 s).", GuiAction::None);
        row("click far from export",
            "Click nothing yet; first we trim. Then we can talk about the export.",
            GuiAction::None);
        row("hostile long", QByteArray(100000, 'x').constData(), GuiAction::None);
    }
    void translate()
    {
        QFETCH(QString, text);
        QFETCH(GuiAction, expected);
        QCOMPARE(cw::translateGuiText(text), expected);
    }
};

QTEST_APPLESS_MAIN(TestGuiTranslator)
#include "tst_guitranslator.moc"

// Client-side routing table: short, single-purpose requests skip the agent; anything with an
// edit, a second request or a negation goes to the agent. English and Chinese.
#include "IntentRouter.h"

#include <QtTest>

using namespace cw;

Q_DECLARE_METATYPE(cw::Intent)

class TstIntentRouter : public QObject {
    Q_OBJECT

private slots:
    void route_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<Intent>("intent");
        const struct {
            const char* text;
            Intent intent;
        } rows[] = {
            // export
            {"export", Intent::Export},
            {"Export!", Intent::Export},
            {"export the video", Intent::Export},
            {"Please export my video.", Intent::Export},
            {"render it", Intent::Export},
            {"render the final video in 1080p", Intent::Export},
            {"download", Intent::Export},
            {"I want to download the video", Intent::Export},
            {"send me the video", Intent::Export},
            {"ok, export it now please", Intent::Export},
            {"导出", Intent::Export},
            {"导出视频", Intent::Export},
            {"帮我导出一下", Intent::Export},
            {"请下载成片", Intent::Export},
            {"下载视频吧", Intent::Export},
            // credits
            {"credits", Intent::Credits},
            {"How many credits do I have left?", Intent::Credits},
            {"check my balance", Intent::Credits},
            {"what's my balance", Intent::Credits},
            {"积分", Intent::Credits},
            {"我还有多少积分？", Intent::Credits},
            {"查询余额", Intent::Credits},
            // status
            {"status", Intent::Status},
            {"show tracks", Intent::Status},
            {"What's on the timeline?", Intent::Status},
            {"what’s on the timeline", Intent::Status},
            {"show me the current status", Intent::Status},
            {"状态", Intent::Status},
            {"查看状态", Intent::Status},
            {"时间线上有什么", Intent::Status},
            {"显示轨道", Intent::Status},
            // upload
            {"upload", Intent::Upload},
            {"upload a video", Intent::Upload},
            {"I want to upload more clips", Intent::Upload},
            {"上传", Intent::Upload},
            {"上传视频", Intent::Upload},
            {"我要上传素材", Intent::Upload},
            // agent: edits, combinations, questions, negations, noise
            {"cut the pauses then export", Intent::Agent},
            {"add music", Intent::Agent},
            {"export with subtitles", Intent::Agent},
            {"don't export yet", Intent::Agent},
            {"how do I export?", Intent::Agent},
            {"export and show credits", Intent::Agent},
            {"add a title that says Urban Dreams", Intent::Agent},
            {"make the music quieter", Intent::Agent},
            {"remove the status bar text", Intent::Agent},
            {"upload and cut the pauses", Intent::Agent},
            {"show track 2", Intent::Agent},
            {"剪掉停顿然后导出", Intent::Agent},
            {"添加背景音乐", Intent::Agent},
            {"加个标题", Intent::Agent},
            {"导出前先剪掉停顿", Intent::Agent},
            {"不要导出", Intent::Agent},
            {"", Intent::Agent},
            {"   ", Intent::Agent},
            {"???", Intent::Agent},
            {"😀", Intent::Agent},
            {"please please please please please please please please please please please "
             "please export",
             Intent::Agent},
            {"the", Intent::Agent},
            {"请", Intent::Agent},
        };
        for (const auto& r : rows)
            QTest::newRow(r.text[0] ? r.text : "(empty)") << QString::fromUtf8(r.text) << r.intent;
    }

    void route()
    {
        QFETCH(QString, message);
        QFETCH(Intent, intent);
        QCOMPARE(routeMessage(message), intent);
    }
};

QTEST_GUILESS_MAIN(TstIntentRouter)
#include "tst_intentrouter.moc"

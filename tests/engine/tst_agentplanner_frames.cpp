// The planner's table, second part: changes to what is already there (music levels, texts,
// the intro), lengths, platforms, exports in every format, fades, corrections and clauses that
// carry over. tst_agentplanner.cpp holds the first part (pauses, ranges, speed, looks...).
#include "PhraseCorpus.h"

#include <QtTest>

using namespace cw::engine;

namespace {

struct Row {
    const char* message;
    const char* expected;
};

const Row kRows[] = {
    {"add b-roll of people working in an office", ""},
    {"keep my face in the center when you crop to vertical", "set_aspect mode=crop ratio=9:16"},
    {"add a voiceover", ""},
    {"split at 0:30, 1:00 and 1:30",
     "split_at at_ms=30000 | split_at at_ms=60000 | split_at at_ms=90000"},
    {"在0:30和1:00处分割", "split_at at_ms=30000 | split_at at_ms=60000"},
    {"split the clip every 30 seconds", ""},
    {"cut it into four 15 second segments", ""},
    // Four clips of a length from one video: shorts chosen by the engine (PlannerShorts.cpp).
    {"make four 15-second clips from this", "shorts count=4 target_ms=15000"},
    {"add a smooth transition only between the first and second clip", ""},
    // A platform named beside audio, music, text or speed says why, it asks for no frame.
    {"normalize the audio for YouTube", "set_loudness"},
    {"add upbeat music for Instagram", "add_music mood=upbeat"},
    {"speed it up for TikTok", "set_speed factor=1.5"},
    {"speed up 50%", "set_speed factor=1.5"},
    {"make it 3x slower", "set_speed factor=0.333333"},
    {"make it twice as slow", "set_speed factor=0.5"},
    {"remove the silence before I start talking", "cut_pauses scope=start"},
    {"cut the dead air after I finish talking", "cut_pauses scope=end"},
    {"add a Marvel style intro", ""},
    {"edit my video into a 1080p mp4", "propose | export_settings format=mp4 resolution=1080p"},
    // Music that is there is described, not added; transitions that exist are not added to.
    {"the song ends too early", ""},
    {"the music is perfect, don't change it", ""},
    {"play music only during the intro", ""},
    {"remove all the transitions", "add_transitions type=none"},
    {"去掉转场", "add_transitions type=none"},
    {"skip the transitions", ""},
    {"I don't need transitions", ""},
    {"cut the pauses without transitions", "cut_pauses"},
    {"make the transitions shorter", ""},
    // An exclusion no operation can take: the whole-video edit before it is not made.
    {"make it black and white except the intro", ""},
    {"add music but not during the intro", ""},
    {"cut the pauses except the one at 1:00", ""},
    {"keep everything except the first 10 seconds", "remove_range from_ms=0 to_ms=10000"},
    {"delete the second and third clip", ""},
    {"删除第2和第3段", ""},
    {"make it 10% faster", "set_speed factor=1.1"},
    {"create an intro from the best moments", ""},
    {"add b-roll from pexels", ""},
    // A level said right after the music is the music's.
    {"加个音乐，声音小一点", "add_music | set_music_volume factor=0.75"},
    {"加点背景音乐，声音不要太大", "add_music | set_music_volume factor=0.5"},
    {"the voice is hard to hear over the music", "set_music_volume factor=0.5"},
    {"make it loud enough for YouTube", ""},
    // A change by an amount is not the new level; a platform that only says what the video is
    // for changes no frame.
    {"turn the volume up 20%", "set_volume gain=1.2"},
    {"lower the volume by 20%", "set_volume gain=0.8"},
    {"音量降低20%", "set_volume gain=0.8"},
    {"I'm making a YouTube video, please cut the pauses", "cut_pauses"},
    {"I uploaded this to YouTube and the audio is too quiet", "set_volume gain=1.3"},
    {"no longer than 90 s", "target_length target_ms=90000"},
    {"condense the 10 minute video to 2 minutes", "target_length target_ms=120000"},
    {"背景音乐过大", "set_music_volume factor=0.5"},
    {"背景音乐过大/过小等音量忽高忽低的问题", "set_loudness"},
    {"I wanted to cut the beginning by 2 seconds and another 4 seconds at the end",
     "remove_range from_ms=0 to_ms=2000 | remove_range last_ms=4000"},
    {"能不能保持原有视频比例", ""},
    {"remove the 2nd to last clip", ""},
    {"delete the second-to-last clip", ""},
    {"删除倒数第2个片段", ""},
    // The user's own intro is a file to upload, not a generated card; B-roll chosen by what is
    // said is a search.
    {"add my intro", ""},
    {"add the intro I made", ""},
    {"add b-roll that matches what I'm saying", ""},
    {"add some b-roll where it's boring", ""},
    {"add an intro with the title 'Q3'", "add_intro title=Q3"},
    {"remove the music from the intro", ""},
    {"去掉开头的背景音乐", ""},
    {"remove the intro music", "remove_music"},
    {"change the music to something happier", "remove_music | add_music mood=upbeat"},
    {"undo everything", "reset"},
    {"scrap everything and add transitions", "reset | add_transitions"},
    {"after cutting the pauses add a title 'Hi'", "cut_pauses | add_text style=title text=Hi"},
    // Splits into parts or every so often are made when the message says how long the video is.
    {"dividing a 12-minute file into 3 parts", "split_at at_ms=240000 | split_at at_ms=480000"},
    {"the video is 4:20 long, split it every minute",
     "split_at at_ms=60000 | split_at at_ms=120000 | split_at at_ms=180000 | split_at "
     "at_ms=240000"},
    {"4分20秒的视频，每1分钟分割一次", "split_at at_ms=60000 | split_at at_ms=120000 | split_at "
                                       "at_ms=180000 | split_at at_ms=240000"},
    {"split it into 3 parts", ""},
    // A speed change on a part named without times is declined, not made on the whole video.
    {"slow down a point in the video then return to normal speed", ""},
    {"speed up some parts", ""},
    {"slow it down at the moment the ball hits", ""},
    {"speed up 0:10-0:20 then back to normal", "set_speed factor=1.5 from_ms=10000 to_ms=20000"},
    {"加个音效，声音大一点", ""},
    {"把视频的声音换成音乐", "set_volume gain=0 | add_music"},
    {"把声音提高一倍", "set_volume gain=2"},
    {"发抖音用的，帮我剪掉停顿", "cut_pauses"},
    {"导出成抖音格式", "export_settings platform=tiktok"},
    {"改成21:9电影宽屏", ""},
    {"convert this 4:3 video to 9:16", "set_aspect mode=crop ratio=9:16"},
    // Text placed relative to the end ends with the video.
    {"add a caption 'Thanks for watching' at the end",
     "add_text at=end style=caption text=Thanks for watching"},
    {"put a caption 'Subscribe' in the last 5 seconds",
     "add_text at=end duration_ms=5000 style=caption text=Subscribe"},
    {"add 'Subscribe' 3 seconds before the end", "add_text at=end duration_ms=3000 text=Subscribe"},
    {"在结尾加上字幕「谢谢观看」", "add_text at=end style=caption text=谢谢观看"},
    {"how long is my video", "describe"},
    {"cut my 2 hour stream down to 10 minutes", "target_length target_ms=600000"},
    {"cut the 20 minute podcast to a 2 minute clip", "target_length target_ms=120000"},
    {"shorten the 8:30 video to 3 minutes", "target_length target_ms=180000"},
    // Something of a clip removed is not the clip removed: that clip's sound goes.
    {"把第一段的声音关掉", "set_volume clip=0 gain=0"},
    {"remove the sound of the first clip", "set_volume clip=0 gain=0"},
    {"删除第二段", "delete_clip index=1"},
    // "everything but X": the verb turns round on X.
    {"keep everything but the first 10 seconds", "remove_range from_ms=0 to_ms=10000"},
    {"cut everything but 0:10-0:20", "keep_range from_ms=10000 to_ms=20000"},
    {"delete all but the last clip", ""},
    {"remove everything but the intro", ""},
    {"remove everything after the intro", ""},
    {"除了前10秒，其他都删掉", "keep_range from_ms=0 to_ms=10000"},
    {"除了最后5秒都保留", "remove_range last_ms=5000"},
    {"make it vertical but keep the whole picture", "set_aspect mode=blur ratio=9:16"},
    {"vertical, fit the whole frame", "set_aspect mode=blur ratio=9:16"},
    {"改成竖屏，保持画面完整", "set_aspect mode=blur ratio=9:16"},
    // A look that is there is removed, not added again.
    {"remove the black and white", "set_look look=none"},
    {"去掉滤镜", "set_look look=none"},
    {"make it black and white", "set_look look=bw"},
    {"每隔5秒加个转场", ""},
    {"把视频声音关掉换成音乐", "set_volume gain=0 | add_music"},
    {"把音乐声音关掉", "set_music_volume volume=0"},
    {"show the title a bit later", ""},
    {"remove the intro music", "remove_music"},
    {"delete the last two clips", ""},
    {"keep it between 30 and 45 seconds", ""},
    {"black and white for the flashback part", ""},
    {"perfect, go for it", "confirm"},
    {"what did you change", "summary"},
    {"there are too many long pauses", "cut_pauses"},
    {"remove the moments where nobody speaks", "cut_pauses"},
    {"speed up the pauses", "cut_pauses"},
    {"make a cut at 1:10", "split_at at_ms=70000"},
    {"chop it at the 2 minute mark", "split_at at_ms=120000"},
    {"去掉视频里的人声，只留背景音", ""},
    {"I don't want the title at the top anymore", ""},
    {"the title should show up at 0:03 and stay for 5 seconds",
     "edit_text duration_ms=5000 start_ms=3000 style=title"},
    {"标题从第3秒开始，显示5秒", "edit_text duration_ms=5000 start_ms=3000 style=title"},
    {"trim it to just 0:20-0:50", "keep_range from_ms=20000 to_ms=50000"},
    {"save the section from 1:20 to 1:50", "keep_range from_ms=80000 to_ms=110000"},
    {"only the last minute", "keep_range last_ms=60000"},
    {"make the music barely audible", "set_music_volume factor=0.5"},
    {"I don't need the last 5 seconds", "remove_range last_ms=5000"},
    {"bump the speed to 1.25", "set_speed factor=1.25"},
    {"twice as fast please", "set_speed factor=2"},
    {"break it at 0:50", "split_at at_ms=50000"},
    {"make it snappier", "propose"},
    {"scratch that", "cancel"},
    // Fades of the whole video, a clip, the music or the video's own sound; a fade between
    // clips stays a transition, a text's fade an animation that is declined.
    {"fade in at the start and fade out at the end", "fade_in | fade_out"},
    {"fade to black at the end", "fade_out"},
    {"fade in from black", "fade_in"},
    {"add a fade-in transition", "fade_in"},
    {"Fade in, Fade out", "fade_in | fade_out"},
    {"fade in and out", "fade_in | fade_out"},
    {"片头淡入，片尾淡出", "fade_in | fade_out"},
    {"淡入和淡出", "fade_in | fade_out"},
    {"背景音乐要淡入淡出", "fade_in target=music | fade_out target=music"},
    {"支持音乐淡入淡出效果", "fade_in target=music | fade_out target=music"},
    {"add background music and fade it out at the end", "add_music | fade_out target=music"},
    {"add music that fades in and out", "add_music | fade_in target=music | fade_out target=music"},
    {"add a 2-second fade out", "fade_out duration_ms=2000"},
    {"a 2 second fade in and a 3 second fade out",
     "fade_in duration_ms=2000 | fade_out duration_ms=3000"},
    {"fade the music out over the last 3 seconds", "fade_out duration_ms=3000 target=music"},
    // Logos and watermarks: the place, opacity, size and time said; a removal stays declined.
    {"place my logo in the bottom-right corner at 80% opacity starting at 3 seconds",
     "add_logo opacity=0.8 position=bottom_right start_ms=3000"},
    {"put a small semi-transparent logo.png top left from 0:05 to 0:20",
     "add_logo duration_ms=15000 file=logo.png opacity=0.5 position=top_left size=10 "
     "start_ms=5000"},
    {"右下角加上我们公司的logo", "add_logo position=bottom_right"},
    {"add a watermark 'DRAFT' in the top right", "add_text position=top_right style=watermark "
                                                 "text=DRAFT"},
    {"remove the watermark from this video", ""},
    {"fade in the second clip", "fade_in clip=1"},
    {"fade out the last clip", "fade_out clip=-1"},
    {"fade the audio in", "fade_in target=sound"},
    {"声音淡出", "fade_out target=sound"},
    {"fade to white", "fade_out color=white"},
    {"fade from white at the start", "fade_in color=white"},
    {"add a fade at the end", "fade_out"},
    {"结尾加个黑场", "fade_out"},
    {"开头渐显2秒", "fade_in duration_ms=2000"},
    {"remove the fade out", "fade_out duration_ms=0"},
    {"no fade at the start", "fade_in duration_ms=0"},
    {"去掉淡出", "fade_out duration_ms=0"},
    {"get rid of the fades", "fade_in duration_ms=0 | fade_out duration_ms=0"},
    {"don't fade out", ""},
    {"cut the pauses and fade out at the end", "cut_pauses | fade_out"},
    {"add crossfades between the clips", "add_transitions type=fade"},
    {"add fade transitions", "add_transitions type=fade"},
    {"片段之间加上淡入淡出的转场", "add_transitions type=fade"},
    {"给片尾文字加淡出动画", ""},
    {"fade the title in", ""},
    {"give it a faded film look", "set_look look=cinematic"},
    // Every export format the engine writes, said in words; a format in a file name is a file.
    {"export as a GIF", "export_settings format=gif"},
    {"make a gif of it", "export_settings format=gif"},
    {"give me the audio as MP3", "export_settings format=mp3"},
    {"导出成GIF", "export_settings format=gif"},
    {"导出为mp3音频", "export_settings format=mp3"},
    {"做成动图", "export_settings format=gif"},
    {"export it as webm", "export_settings format=webm"},
    {"save it as a wav file", "export_settings format=wav"},
    {"export as m4a", "export_settings format=m4a"},
    {"export at 1080p as mov", "export_settings format=mov resolution=1080p"},
    {"extract the audio", "export_settings format=mp3"},
    {"add my track song.mp3 as background music", "add_music file=song.mp3"},
    {"compress it to 10 mb", "export_settings max_bytes=10000000"},
    {"make it small enough for whatsapp", "export_settings max_bytes=16000000"},
    {"压缩到50MB以内", "export_settings max_bytes=50000000"},
    {"compress the video", ""},
    {"remove the background music from the original video", ""},
    // General readings: more ways to say a pause, a split, a level, a stretch; and places,
    // complaints and corrections that are no request for what their words look like.
    {"remove the silent portions", "cut_pauses"},
    {"remove parts with no audio", "cut_pauses"},
    {"the silences should be removed", "cut_pauses"},
    {"remove the delay before I start talking", "cut_pauses scope=start"},
    {"make the jump cuts less noticeable", ""},
    {"clean up the audio", "clean_audio"},
    {"the volume jumps around", "set_loudness"},
    {"divide the video at 45 seconds", "split_at at_ms=45000"},
    {"cut the clip into two at 0:50", "split_at at_ms=50000"},
    {"split at 1 minute 30", "split_at at_ms=90000"},
    {"split the clip 2 seconds before the end", ""},
    {"在1分钟处加个转场", ""},
    {"play it at normal speed", ""},
    {"整体加速20%", "set_speed factor=1.2"},
    {"music volume down 10 dB", "set_music_volume factor=0.32"},
    {"set background music volume 0.2", "set_music_volume volume=0.2"},
    {"make the background music more quiet", "set_music_volume factor=0.5"},
    {"音乐声音太大了，盖过了人声", "set_music_volume factor=0.5"},
    {"add some intro music", "add_music"},
    {"I just want the first minute", "keep_range from_ms=0 to_ms=60000"},
    {"keep the segment starting at 1:00 and ending at 1:45",
     "keep_range from_ms=60000 to_ms=105000"},
    {"remove the first and last 5 seconds",
     "remove_range from_ms=0 to_ms=5000 | remove_range last_ms=5000"},
    {"cut 2 seconds from both ends",
     "remove_range from_ms=0 to_ms=2000 | remove_range last_ms=2000"},
    {"make it black and white, actually sepia", ""},
    {"change the aspect ratio from 16:9 to something more tiktok like",
     "set_aspect mode=crop platform=tiktok ratio=9:16"},
    {"make it vertical for Instagram", "set_aspect mode=crop ratio=9:16"},
    {"YouTube counts a 60 second video as 61, so get it down to 59 seconds",
     "target_length target_ms=59000"},
    {"the third clip isn't needed, delete it and close the gap", "delete_clip index=2"},
    {"替换背景音乐", "remove_music | add_music"},
    {"别改了", "cancel"},
    {"这个视频讲啥", "describe"},
    {"make it look nicer", "propose"},
    {"I just want the first 10 seconds removed", "remove_range from_ms=0 to_ms=10000"},
    {"I only want the last minute cut", "remove_range last_ms=60000"},
    {"remove the jump cut at 1:00", ""},
    {"竖屏转横屏，两边留黑", "set_aspect mode=blur ratio=16:9"},
    {"声音大小统一", "set_loudness"},
    {"keep the intro but remove the outro", ""},
    {"leave the first 10 seconds alone and cut the rest", "keep_range from_ms=0 to_ms=10000"},
    {"keep everything after the first minute", "keep_range from_ms=60000 to_ms=-1"},
    {"cut everything before the last 10 seconds", ""},
    {"保留前10秒的原声", ""},
    {"change the caption to yellow", "edit_text color=#ffd60a style=caption"},
    // A text's look (PlannerTextLook.cpp): the words of the look, the text they are said of.
    {"make the title bigger and bold", "edit_text bold=true size=1.5 style=title"},
    {"remove the black box behind the captions", "edit_text box=false style=caption"},
    {"title in green, no box", "edit_text box=false color=#30d158 style=title"},
    {"add a title 'Red Sky' and make it yellow", "add_text color=#ffd60a style=title text=Red Sky"},
    {"yellow captions on a black background", "edit_text box_color=#000000 color=#ffd60a "
                                              "style=caption"},
    {"make the title italic", ""},
    {"make it black and white", "set_look look=bw"},
    {"标题改成红色加粗", "edit_text bold=true color=#ff3b30 style=title"},
    {"remove the picture in picture", "remove_layout role=pip"},
    {"change the title to Blue Monday", "edit_text style=title text=Blue Monday"},
    {"I need it in 720p", "export_settings resolution=720p"},
    {"add calm music, don't lower it when I talk", "add_music duck=false mood=calm"},
    {"配一段安静的钢琴曲", "add_music mood=calm"},
    {"trim the video so it starts at 0:10 and ends at 0:50",
     "keep_range from_ms=10000 to_ms=50000"},
    {"make it start at 0:15", "remove_range from_ms=0 to_ms=15000"},
    {"make it end at 2:00", "remove_range from_ms=120000 to_ms=-1"},
    {"从0:10开始到0:50结束", "keep_range from_ms=10000 to_ms=50000"},
    {"only use the part between 0:30 and 1:00", "keep_range from_ms=30000 to_ms=60000"},
    {"extract the section 1:00-2:00", "keep_range from_ms=60000 to_ms=120000"},
    {"I would love some music in the background", "add_music"},
    {"have 'Welcome' appear at the start", "add_text start_ms=0 text=Welcome"},
    {"describe what happens", "describe"},
    {"summarize what I say in the video", "describe"},
    {"yep do it", "confirm"},
    {"my mic was too quiet", "set_volume gain=1.3"},
    {"the audio is too loud in some parts and too quiet in others", "set_loudness"},
    {"保存成mp4", "export_settings format=mp4"},
    {"make the intro short", ""},
    {"make it black and white for the first 10 seconds", ""},
    {"黑白改回彩色", "set_look look=none"},
    {"no more black and white", "set_look look=none"},
    {"make every clip 3 seconds long", ""},
    {"每段剪成10秒", ""},
    {"make it loop for 30 seconds", ""},
    {"cut the pauses in the first minute", ""},
    {"cut the last 30 seconds of dead air", "remove_range last_ms=30000"},
    {"cut 30 seconds from the video", ""},
};

} // namespace

class TstAgentPlannerFrames : public QObject {
    Q_OBJECT

private slots:
    void plans_data();
    void plans();
    void followUps_data();
    void followUps();
};

void TstAgentPlannerFrames::plans_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    for (const Row& row : kRows)
        QTest::newRow(row.message)
            << QString::fromUtf8(row.message) << QString::fromUtf8(row.expected);
}

void TstAgentPlannerFrames::plans()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const Plan plan = planInstruction(message);
    QCOMPARE(cw::test::describePlan(plan), expected);
    QCOMPARE(plan.suggestions.isEmpty(), !plan.operations.isEmpty());
}

// Clauses that refine, replace or give the reason for the request next to them
// (PlannerFollowUp.cpp): the plan, and whether every clause was understood (a reason is not
// reported back as "not understood").
void TstAgentPlannerFrames::followUps_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("understood");
    const struct {
        const char* message;
        const char* expected;
        bool understood;
    } rows[] = {
        {"make the fade at the end longer, like 3 seconds", "fade_out duration_ms=3000", true},
        {"the title is on screen too long, 2 seconds is plenty",
         "edit_text duration_ms=2000 style=title", true},
        {"标题停留时间太长了，2秒就够", "edit_text duration_ms=2000 style=title", true},
        {"add a title \"Hi\", 3 seconds", "add_text style=title text=Hi", false},
        {"speed it up 2x, hmm make it 1.25x instead", "set_speed factor=1.25", true},
        {"take the music off and use song.mp3 instead", "remove_music | add_music file=song.mp3",
         true},
        {"最后20秒太拖了，加速", "set_speed factor=1.5 last_ms=20000", true},
        {"the intro drags, cut the first 8 seconds", "remove_range from_ms=0 to_ms=8000", true},
        {"太长了，剪到40秒", "target_length target_ms=40000", true},
        {"音乐不要动", "", true},
        {"调成黑白，声音不要动", "set_look look=bw", true},
        {"crop the video as a square video, rather then just resizing it",
         "set_aspect mode=crop ratio=1:1", false},
        {"删掉最后2秒，哦不是，最后5秒", "remove_range last_ms=5000", true},
        {"get rid of the dead air at the beginning and the end",
         "cut_pauses scope=start | cut_pauses scope=end", true},
        {"make it small enough to email, under 20mb", "export_settings max_bytes=20000000", true},
        {"instead", "", false},
        // Words that only look like a follow-up stay what they are.
        {"add a title Back to School", "add_text style=title text=Back to School", true},
        {"put the caption back in the middle", "edit_text position=center style=caption", true},
        {"删掉1分到1分05秒", "remove_range from_ms=60000 to_ms=65000", true},
        {"把视频一分为二", "", false},
    };
    for (const auto& r : rows)
        QTest::newRow(r.message) << QString::fromUtf8(r.message) << QString::fromUtf8(r.expected)
                                 << r.understood;
}

void TstAgentPlannerFrames::followUps()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QFETCH(bool, understood);
    const Plan plan = planInstruction(message);
    QCOMPARE(cw::test::describePlan(plan), expected);
    QCOMPARE(plan.unrecognized.isEmpty(), understood);
}

QTEST_GUILESS_MAIN(TstAgentPlannerFrames)
#include "tst_agentplanner_frames.moc"

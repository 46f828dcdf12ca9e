// Client-side routing: a message skips the agent only when it is nothing but one request.
// Every word of the message must belong to the vocabulary of a single intent (its keywords
// plus polite filler such as "please", "the", "my", "帮我"), and at least one keyword must be
// present. Anything else, an edit verb, a second request, "then", a negation, falls through to
// the agent, which can always handle an export or a question itself; a wrong shortcut would
// instead skip the user's edit. English is matched by words; Chinese (no spaces) by a
// left-to-right longest match of each run of CJK characters against the same vocabulary.
#include "IntentRouter.h"

#include <QStringList>

namespace cw {

namespace {

struct Vocabulary {
    Intent intent;
    QStringList keywords;
    QStringList fillers;
};

const QStringList& commonFillers()
{
    static const QStringList words = {
        // English
        "please", "pls", "plz", "the", "a", "an", "my", "me", "i", "we", "it", "this", "that",
        "now", "can", "could", "would", "will", "you", "want", "to", "like", "let's", "lets", "let",
        "us", "ok", "okay", "go", "ahead", "just", "thanks", "thank", "hey", "hi", "do", "for",
        "of", "video", "clip", "project", "i'd", "i'm", "kindly", "quickly",
        // Chinese
        "请", "帮我", "帮忙", "给我", "我要", "我想", "我", "想", "要", "你", "一下", "吧", "吗",
        "呢", "啊", "把", "这个", "的", "了", "现在", "可以", "能", "视频", "麻烦", "谢谢"};
    return words;
}

const QList<Vocabulary>& vocabularies()
{
    static const QList<Vocabulary> list = {
        {Intent::Export,
         {"export", "render", "download", "send", "导出", "下载", "渲染", "输出"},
         {"final", "file", "result", "mp4",  "1080p", "720p",     "4k",
          "hd",    "in",   "as",     "out",  "movie", "finished", "edited",
          "now",   "成片", "最终",   "文件", "影片",  "出来",     "高清"}},
        {Intent::Credits,
         {"credits", "credit", "balance", "积分", "余额", "点数"},
         {"how",   "many", "much", "have",      "left", "check", "show",    "what", "what's",
          "whats", "is",   "are",  "remaining", "see",  "get",   "account", "还有", "还剩",
          "剩",    "多少", "查看", "查询",      "查",   "看看",  "显示",    "有"}},
        {Intent::Status,
         {"status", "tracks", "track", "timeline", "state", "summary", "状态", "轨道", "时间线",
          "概况"},
         {"show",    "list", "what",    "what's", "whats",  "is",    "are", "on",   "in",
          "current", "see",  "display", "view",   "check",  "there", "all", "查看", "显示",
          "看看",    "当前", "上",      "有什么", "有哪些", "目前",  "列出"}},
        {Intent::Upload,
         {"upload", "上传"},
         {"file",    "files",   "clips", "videos", "media", "some",   "more",  "new",
          "another", "footage", "photo", "photos", "image", "images", "music", "song",
          "audio",   "素材",    "文件",  "图片",   "音乐",  "新",     "更多"}},
    };
    return list;
}

bool isCjk(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF);
}

// Splits into lower-case ASCII-ish words (apostrophes kept) and runs of CJK characters;
// everything else (punctuation, emoji, spaces) separates.
QStringList tokenize(const QString& message)
{
    QStringList tokens;
    QString word;
    bool wordIsCjk = false;
    auto flush = [&] {
        if (!word.isEmpty())
            tokens << word;
        word.clear();
    };
    for (QChar c : message) {
        if (c == QChar(0x2019))
            c = u'\'';
        const bool cjk = isCjk(c);
        const bool latin = c.isLetterOrNumber() && !cjk;
        if (!cjk && !latin && !(c == u'\'' && !word.isEmpty() && !wordIsCjk)) {
            flush();
            continue;
        }
        if (!word.isEmpty() && cjk != wordIsCjk)
            flush();
        wordIsCjk = cjk;
        word += c.toLower();
    }
    flush();
    return tokens;
}

// Returns -1 when some part of the token is outside the vocabulary, else how many keywords
// it contains.
int matchToken(const QString& token, const Vocabulary& v)
{
    const QStringList& fillers = commonFillers();
    if (!isCjk(token.at(0))) {
        if (v.keywords.contains(token))
            return 1;
        return v.fillers.contains(token) || fillers.contains(token) ? 0 : -1;
    }
    int hits = 0;
    qsizetype pos = 0;
    while (pos < token.size()) {
        qsizetype best = 0;
        bool bestIsKeyword = false;
        auto tryList = [&](const QStringList& list, bool keyword) {
            for (const QString& w : list)
                if (w.size() > best && isCjk(w.at(0)) && token.mid(pos, w.size()) == w) {
                    best = w.size();
                    bestIsKeyword = keyword;
                }
        };
        tryList(v.keywords, true);
        tryList(v.fillers, false);
        tryList(fillers, false);
        if (best == 0)
            return -1;
        hits += bestIsKeyword ? 1 : 0;
        pos += best;
    }
    return hits;
}

} // namespace

Intent routeMessage(const QString& message)
{
    const QStringList tokens = tokenize(message);
    if (tokens.isEmpty() || tokens.size() > 12)
        return Intent::Agent;
    for (const Vocabulary& v : vocabularies()) {
        int hits = 0;
        bool fits = true;
        for (const QString& token : tokens) {
            const int h = matchToken(token, v);
            if (h < 0) {
                fits = false;
                break;
            }
            hits += h;
        }
        if (fits && hits > 0)
            return v.intent;
    }
    return Intent::Agent;
}

} // namespace cw

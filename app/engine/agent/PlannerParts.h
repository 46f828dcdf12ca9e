// Internal to the planner: the clause parsers that PlannerClause.cpp runs in order.
// PlannerEdits.cpp and PlannerLooks.cpp hold the per-operation parsers; PlannerPasses.cpp the
// passes over a whole message (modifiers, corrections, final readings); PlannerFrames.cpp reads a
// clause into a frame (action, target, attribute, value, scope, modifiers) using the vocabulary in
// resources/agent/ and maps frames to the operations that change what is already there.
#pragma once

#include "agent/Lexicon.h"
#include "agent/Planner.h"
#include "agent/PlannerText.h"

#include <functional>
#include <optional>

namespace cw::engine::planner {

using plannertext::Prepared;

// A literal pattern, compiled once per thread.
const QRegularExpression& cachedRx(const char* pattern);
bool has(const QString& c, const char* pattern);
// A remove verb of the lexicon ("ditch", "get rid of", 去掉) followed within `gap` characters
// by `target` (a pattern): "ditch the transitions".
bool removeVerbBefore(const QString& c, const char* target, int gap);
Operation op(const QString& name, QJsonObject args = {});
void putRange(QJsonObject& args, const plannertext::Range& r);
QString originalCase(const QString& lower, const Prepared& p);

std::optional<Operation> history(const QString& c);
int repeatCount(const QString& c);
std::optional<Operation> text(const QString& c, const Prepared& p);
std::optional<Operation> intro(const QString& c, const Prepared& p);
std::optional<Operation> broll(const QString& c, const Prepared& p);
std::optional<Operation> music(const QString& c, const Prepared& p);
std::optional<Operation> cutPauses(const QString& c);
std::optional<Operation> transitions(const QString& c);
bool dontCrop(const QString& c);
std::optional<Operation> aspect(const QString& c);
std::optional<Operation> soundAndLook(const QString& c);
std::optional<Operation> arrange(const QString& c);
std::optional<Operation> speed(const QString& c);
std::optional<Operation> volume(const QString& c);
std::optional<Operation> summary(const QString& c);
bool negated(const QString& c);

// What a clause says, read with the vocabulary (PlannerFrames.cpp).
struct Frame {
    QString action;   // remove, lower, raise, change, move, export (the earliest said), or ""
    QString target;   // music, title, lower_third, caption, text, intro, or ""
    QString position; // top, bottom, center, top_left, ... ("" when none)
    int quote = -1;   // index into Prepared::quotes
    double percent = -1;
    qint64 durationMs = -1;
    bool slight = false; // "a bit", 一点
    bool addVerb = false;
};
Frame readFrame(const QString& c);

// The fades a clause asks for (PlannerFades.cpp): none when it says no fade (std::nullopt), or
// the fade_in / fade_out operations in the order said (empty: a fade nobody can tell which) and
// the rest of the clause without the fade's words, which may hold another request.
struct FadeReading {
    QList<Operation> ops;
    QString rest;
    qsizetype at = 0; // where the first fade is said
};
std::optional<FadeReading> fades(const QString& c, const Frame& f, const QString& lastTarget);
// "no fade at the start", 不要淡出了: a fade taken off, not a negation of the whole clause.
bool noFade(const QString& c);

// +1 when the clause says the voice is too quiet, -1 too loud, 0 when it says neither.
int voiceComplaint(const QString& c);
std::optional<Operation> describeContent(const QString& c);
std::optional<Operation> musicChange(const QString& c, const Frame& f);
std::optional<Operation> textChange(const QString& c, const Frame& f, const Prepared& p);
// The look of a text the clause asks for (PlannerTextLook.cpp): color, box_color, size,
// size_px, bold, box, outline; empty when it names none.
QJsonObject textLook(const QString& c);
// A clause that only changes how a text already there looks ("title in green, no box", "add an
// outline to the title", "put the captions on a yellow background"): read before negations
// and the declines for new captions take "no" and "put the captions" for themselves.
std::optional<Operation> lookChange(const QString& c, const Prepared& p, QString* lastTarget);
std::optional<Operation> removeIntro(const QString& c, const Frame& f);
std::optional<Operation> targetLength(const QString& c);
std::optional<Operation> exportSettings(const QString& c, const Frame& f);
// The export format named in a clause (mp4, mov, webm, gif, mp3, m4a, wav; "audio only" is
// mp3), or "".
QString formatSaid(const QString& c);
// "make a GIF", "give me the audio as MP3": a format other than mp4/mov named as what to make.
std::optional<Operation> formatExport(const QString& c);
std::optional<Operation> propose(const QString& c);
// A logo or watermark to add (PlannerOverlay.cpp); nullopt for removing one from the footage.
std::optional<Operation> logo(const QString& c, const Prepared& p, const Frame& f);
// A recording to lay under the video as its voice-over (PlannerOverlay.cpp).
std::optional<Operation> voiceOver(const QString& c, const Prepared& p);
// A picture-in-picture or split screen (PlannerLayout.cpp), or the one just planned (it then
// leaves plan.operations) with what a short clause after it adds ("split screen, top and
// bottom"); nullopt for anything else, and for what the "pip" decline keeps declining.
std::optional<Operation> layoutClause(const QString& c, const Prepared& p, const Frame& f,
                                      Plan& plan);
// Reverse, freeze frame, loop or zoom (PlannerMotion.cpp).
std::optional<Operation> motion(const QString& c);
// Split at scene changes or remove a scene (PlannerScene.cpp): appends it, true when said.
bool sceneEdit(const QString& c, QList<Operation>& ops);
// "auto reframe", "centre crop" (PlannerReframe.cpp): reframeAsked is "subject", "centre" or
// ""; reframeEdit appends a set_aspect or changes the one said before, true when said.
QString reframeAsked(const QString& c);
bool reframeEdit(const QString& c, QList<Operation>& ops);
// A montage cut to the beat of the music (PlannerMontage.cpp): appends it, true when said.
bool montageEdit(const QString& c, QList<Operation>& ops);
// A montage in a message that also cuts the footage or changes the music is declined (it would
// remake what those change); the rest of the message stands.
void montageAlone(Plan& plan, const QStringList& clauses);
// A waveform video of sound alone, its look or progress bar, or taking it off, and the frame
// said with it (PlannerAudiogram.cpp): appends them, true when said.
bool audiogramEdit(const QString& c, const Prepared& p, QList<Operation>& ops);
// A file size to stay under (PlannerSize.cpp): appends export_settings max_bytes, true when said.
bool sizeEdit(const QString& c, QList<Operation>& ops);
// "fast export", "keep it HEVC", 快速导出: export_settings with fast (PlannerFast.cpp).
bool fastEdit(const QString& c, QList<Operation>& ops);
// Follow-ups that refine the request before them (PlannerFollowUp.cpp): a length said after a
// fade or a text, a text's time on screen complained about and then said, and "…instead".
bool refineLength(const QString& c, QList<Operation>& ops);
QString textLengthFollowUp(const QString& clause, const QString& next);
QString insteadWords(const QString& clause);
QString complaintScene(const QString& clause);
bool complaintOnly(const QString& clause);
bool refineExport(const QString& c, QList<Operation>& ops);
bool carryScope(const QString& c, QList<Operation>& ops);
// Several shorts from the footage, removing them, or exporting one (PlannerShorts.cpp):
// appends a shorts operation, true when said.
bool shortsEdit(const QString& c, QList<Operation>& ops);
// Stabilising shaky footage, or taking it off (PlannerStabilise.cpp).
std::optional<Operation> stabilise(const QString& c);
// A platform named in a clause whose main operation is something else ("cut the pauses for
// TikTok"): the frame the platform shows.
std::optional<Operation> platformAspect(const QString& c);
bool platformAsReason(const QString& c);

// Lengths that describe the source ("this 3-minute video") dropped, "1 minute and 5 seconds"
// as one time (PlannerScope.cpp); run on the whole message before it is split into clauses.
QString restateScope(const QString& text);
// A number or time in the clause that none of its operations carries ("" when all are used):
// the reply then says that part was not understood instead of dropping it silently.
QString unusedNumber(const QString& clause, const QList<Operation>& ops);
bool isTimeToken(const QString& token); // "1:30", "20 seconds", "5秒"
// The clause names a clip ("the first clip", 第2段) that none of its operations can take.
bool clipScopeLost(const QString& clause, const QList<Operation>& ops);
// The clause names a part in words ("the ending", 最后那段) that its operations did not take.
bool partScopeLost(const QString& clause, const QList<Operation>& ops);
// The clause changes a time by an amount ("2 seconds longer") that its operations took as a time.
bool relativeTimeLost(const QString& clause, const QList<Operation>& ops);

// One clause -> its operations (PlannerClause.cpp). `lastTarget` is what the clause before
// named ("lower it" after "keep the music"); `alone` says the clause is the whole message.
QList<Operation> parseClause(const QString& c, const Prepared& p, Plan& plan, QString* lastTarget,
                             bool alone = false);
// A title, lower third, caption or text.
bool isText(const QString& target);

// Whole-message passes (PlannerPasses.cpp).
// "at 80% opacity", "30% transparent", 不透明度60% as 0.05..1; -1 when none is said.
double opacityOf(const QString& c);
// PlannerSplits.cpp: the source's length said in the message (-1 when not), and the splits
// a clause asks for on a source of that length (none when it asks none or the length is
// unknown).
qint64 sourceLength(const QString& text);
QList<Operation> splitsFor(const QString& c, qint64 sourceMs);

bool applyModifier(const QString& c, const Prepared& p, QList<Operation>& ops);
struct Correction {
    bool active = false;
    QString lastClause; // the clause the last operation came from
};
const QRegularExpression& correctionMarker();
bool bareNo(const QString& c);
QList<Operation> corrected(const QString& words, const Correction& k, const Operation& last,
                           const std::function<QList<Operation>(const QString&)>& parse);
void finish(Plan& plan, const Prepared& p);

} // namespace cw::engine::planner

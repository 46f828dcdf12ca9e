// Stabilising said in a clause (edit/Stabilise.h): "stabilise the shaky part", "stabilize
// 0:10-0:20", "fix the shaky footage", "it's so wobbly", 防抖, 画面稳定一下, 画面太抖了; and
// taking it off: "remove the stabilisation", 取消防抖. Without a range or clip the whole video
// is meant: the engine does not guess which part shakes (the reply says a range can be given).
// Adding a shake ("add a camera shake effect", 加抖动特效) is not this and is left alone.
#include "agent/PlannerParts.h"

namespace cw::engine::planner {

using namespace plannertext;

std::optional<Operation> stabilise(const QString& c)
{
    if (!has(c,
             "\\bstabili[sz](?:e|ed|es|ing|ation)\\b|\\bshak(?:y|iness|ing|es)\\b|"
             "\\b(?:camera|the|this|that) "
             "shake\\b|\\bwobbl(?:y|e|es|ing)\\b|\\bjittery\\b|\\bjudder(?:y|ing)?\\b|"
             "\\bsteadier\\b|\\bsteady (?:the|it|this|my)\\b|\\bunshake\\b|\\bdeshake\\b|"
             "\\bsmooth(?:en)? out the (?:camera|footage|shake|shaking|motion)\\b|"
             "防抖|去抖|稳定画面|画面稳定|镜头稳定|视频稳定|稳定(?:一下|一点)?(?:画面|镜头|视频)|"
             "(?:画面|镜头|视频|拍得|拍的)[^，。,.]{0,4}(?:抖|晃)(?!音)|抖动|晃动|手抖|太抖|好抖|"
             "很抖"))
        return std::nullopt;
    // A shake to add is an effect, not a fix; "shake up the order" is no camera at all.
    if (has(c, "\\badd (?:a |an |some )?(?:camera |screen )?shake\\b|\\bshake effect\\b|"
               "\\bmake (?:it|the (?:video|picture|camera)) shake\\b|\\bshake up\\b|"
               "(?:加|添加|增加|做)[^，。,]{0,6}(?:抖动|晃动)|(?:抖动|晃动)(?:效果|特效)|抖音"))
        return std::nullopt;
    QJsonObject args;
    if (has(c, "\\b(?:remove|undo|turn off|switch off|take off|drop|disable|without) (?:the |any "
               ")?(?:stabili[sz]ation|stabili[sz]ing)\\b|\\bun-?stabili[sz]e|"
               "(?:取消|去掉|关闭|关掉|撤销|不要)(?:了)?(?:画面)?(?:防抖|稳定)"))
        args.insert(QStringLiteral("off"), true);
    const Range r = findRange(c);
    if (r.found()) {
        putRange(args, r);
    } else if (has(c, "\\b(?:clip|segment|shot)\\b|片段|第\\d+(?:个|段)|最后(?:一|1)?(?:个|段)")) {
        const int clip = findOrdinal(c);
        if (clip >= -1)
            args.insert(QStringLiteral("clip"), clip);
    }
    return op(Op::stabilise(), args);
}

} // namespace cw::engine::planner

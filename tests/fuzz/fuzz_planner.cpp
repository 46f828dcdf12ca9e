// libFuzzer target for the engine's instruction planner (words -> operations). Any text
// plans without crashing, only known operation names come out, required arguments are
// present, and planning is deterministic (the same text twice gives the same plan).
#include "FuzzUtil.h"
#include "agent/Planner.h"

#include <QSet>

using namespace cw::engine;

namespace {

bool samePlan(const Plan& a, const Plan& b)
{
    if (a.operations.size() != b.operations.size() || a.chinese != b.chinese ||
        a.unrecognized != b.unrecognized || a.suggestions != b.suggestions)
        return false;
    for (qsizetype i = 0; i < a.operations.size(); ++i) {
        if (a.operations[i].name != b.operations[i].name ||
            a.operations[i].args != b.operations[i].args)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QSet<QString> known{Op::cutPauses(),   Op::removeRange(),    Op::keepRange(),
                                     Op::splitAt(),     Op::deleteClip(),     Op::moveClip(),
                                     Op::setSpeed(),    Op::setVolume(),      Op::addMusic(),
                                     Op::addText(),     Op::addTransitions(), Op::setAspect(),
                                     Op::setLoudness(), Op::denoise(),        Op::setLook(),
                                     Op::addIntro(),    Op::addBroll(),       Op::undo(),
                                     Op::redo(),        Op::reset(),          Op::summary()};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const Plan plan = planInstruction(text);
    for (const Operation& op : plan.operations) {
        CW_FUZZ_CHECK(known.contains(op.name));
        if (op.name == Op::splitAt())
            CW_FUZZ_CHECK(op.args.contains(QStringLiteral("at_ms")));
        if (op.name == Op::setSpeed()) {
            const double f = op.args.value(QStringLiteral("factor")).toDouble();
            CW_FUZZ_CHECK(f > 0);
        }
        if (op.name == Op::setVolume())
            CW_FUZZ_CHECK(op.args.value(QStringLiteral("gain")).toDouble(-1) >= 0);
    }
    if (plan.operations.isEmpty() && !text.trimmed().isEmpty())
        (void)plan.suggestions;
    CW_FUZZ_CHECK(samePlan(plan, planInstruction(text)));
    (void)containsChinese(text);
    return 0;
}

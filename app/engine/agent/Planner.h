// Instruction text -> the operations the local engine will apply (a pure function, table-
// tested). A deterministic keyword parser for English and Chinese; anything it does not
// recognise yields no operation, so the draft is never changed by a guess. An optional LLM
// planner may later propose the same Operation values.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw::engine {

namespace Op {
inline QString cutPauses()
{
    return QStringLiteral("cut_pauses");
}
inline QString undo()
{
    return QStringLiteral("undo");
}
inline QString redo()
{
    return QStringLiteral("redo");
}
inline QString summary()
{
    return QStringLiteral("summary");
}
} // namespace Op

struct Operation {
    QString name;     // Op::*
    QJsonObject args; // cut_pauses: min_pause_ms (int) and threshold_db (double) when given
};

struct Plan {
    QList<Operation> operations; // in the order the message mentions them
    bool chinese = false;        // the message is written (at least partly) in Chinese
};

Plan planInstruction(const QString& text);
bool containsChinese(const QString& text);

} // namespace cw::engine

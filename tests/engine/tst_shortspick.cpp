// joinNearPieces (edit/ShortsPick.h): which pieces of a short are joined over the pause
// between them, as a table.
#include "edit/ShortsPick.h"

#include <QtTest>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(QList<cw::TimeRange>)
Q_DECLARE_METATYPE(QList<cw::engine::Interval>)

class TstShortsPick : public QObject {
    Q_OBJECT
private slots:
    void join_data()
    {
        QTest::addColumn<QList<TimeRange>>("pieces");
        QTest::addColumn<QList<Interval>>("taken");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<QList<TimeRange>>("joined");
        const QList<Interval> none;
        QTest::newRow("breath apart") << QList<TimeRange>{{0, 4000}, {4600, 9000}} << none
                                      << qint64(10000) << QList<TimeRange>{{0, 9000}};
        QTest::newRow("a second apart stays cut")
            << QList<TimeRange>{{0, 4000}, {5000, 9000}} << none << qint64(10000)
            << QList<TimeRange>{{0, 4000}, {5000, 9000}};
        QTest::newRow("three into one") << QList<TimeRange>{{0, 3000}, {3200, 6000}, {6500, 9000}}
                                        << none << qint64(10000) << QList<TimeRange>{{0, 9000}};
        QTest::newRow("over the target")
            << QList<TimeRange>{{0, 5000}, {5900, 10000}} << none << qint64(9500)
            << QList<TimeRange>{{0, 5000}, {5900, 10000}};
        QTest::newRow("gap is another short's")
            << QList<TimeRange>{{0, 4000}, {4600, 9000}} << QList<Interval>{{4100, 4500}}
            << qint64(10000) << QList<TimeRange>{{0, 4000}, {4600, 9000}};
        QTest::newRow("another short elsewhere")
            << QList<TimeRange>{{0, 4000}, {4600, 9000}} << QList<Interval>{{9000, 15000}}
            << qint64(10000) << QList<TimeRange>{{0, 9000}};
        QTest::newRow("first join uses the room")
            << QList<TimeRange>{{0, 3000}, {3900, 6000}, {6800, 9000}} << none << qint64(8500)
            << QList<TimeRange>{{0, 6000}, {6800, 9000}};
        QTest::newRow("one piece")
            << QList<TimeRange>{{100, 900}} << none << qint64(3000) << QList<TimeRange>{{100, 900}};
        QTest::newRow("none") << QList<TimeRange>{} << none << qint64(3000) << QList<TimeRange>{};
    }
    void join()
    {
        QFETCH(QList<TimeRange>, pieces);
        QFETCH(QList<Interval>, taken);
        QFETCH(qint64, target);
        QFETCH(QList<TimeRange>, joined);
        QCOMPARE(joinNearPieces(pieces, taken, target), joined);
    }
};

QTEST_GUILESS_MAIN(TstShortsPick)
#include "tst_shortspick.moc"

// Lays widgets out left to right and wraps them onto the next line when the row is full, so
// the chat's suggestion chips stay whole in a narrow chat column (Qt ships no such layout;
// this follows its "Flow Layout" example).
#pragma once

#include <QLayout>
#include <QList>

namespace cw {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;

private:
    int arrange(const QRect& rect, bool apply) const; // returns the height used

    QList<QLayoutItem*> m_items;
    int m_gap;
};

} // namespace cw

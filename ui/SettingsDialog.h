// Application settings: the backend profile (local engine, NemoVideo cloud, custom URL),
// the interface language and the default export folder and preset. Everything is stored
// in QSettings on OK; the backend and the language are read at start-up, so the dialog
// says "restart to apply" when they change. Keys: "backend/profile" (local|cloud|custom),
// "backend/customUrl", "ui/language" ("" = system, "en", "zh_CN"), and the export keys of
// ExportSettings.h.
#pragma once

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cw {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    using BrowseHook = std::function<QString(QWidget* parent, const QString& folder)>;

    explicit SettingsDialog(QWidget* parent = nullptr);
    void setBrowseHook(BrowseHook hook) { m_browse = std::move(hook); }
    bool needsRestart() const; // the backend or the language differ from the stored ones

public Q_SLOTS:
    void accept() override;

private:
    void updateState();

    QComboBox* m_profile;
    QLineEdit* m_customUrl;
    QComboBox* m_language;
    QLineEdit* m_folder;
    QComboBox* m_preset;
    QLabel* m_note;
    QPushButton* m_ok;
    QString m_storedProfile;
    QString m_storedUrl;
    QString m_storedLanguage;
    BrowseHook m_browse;
};

} // namespace cw

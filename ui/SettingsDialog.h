// Application settings: the backend profile (local engine, NemoVideo cloud, custom URL),
// the interface language and the default export folder and preset. Everything is stored
// in QSettings on OK; the backend and the language are read at start-up, so the dialog
// says "restart to apply" when they change. Keys: "backend/profile" (local|cloud|custom),
// "backend/customUrl", "ui/language" ("" = system, "en", "zh_CN"), and the export keys of
// ExportSettings.h.
// With a backend set (setBackend) and a cloud or custom profile running, an Account section
// shows the sign-in state (Backend::accountDescription), a token field with Sign in / Sign out
// and the credits balance the session reports; the local engine has no account, so the
// section stays hidden there. The token goes straight to Backend::signIn (the keychain) and
// the field is cleared: it is never kept in the dialog or in QSettings.
#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cw {

class Backend;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    using BrowseHook = std::function<QString(QWidget* parent, const QString& folder)>;

    explicit SettingsDialog(QWidget* parent = nullptr);
    void setBrowseHook(BrowseHook hook) { m_browse = std::move(hook); }
    bool needsRestart() const;         // the backend or the language differ from the stored ones
    void setBackend(Backend* backend); // shows the account section for cloud/custom profiles

public Q_SLOTS:
    void accept() override;

private:
    void updateState();
    void updateAccount();
    void createAccountBox();

    QComboBox* m_profile;
    QLineEdit* m_customUrl;
    QComboBox* m_language;
    QLineEdit* m_folder;
    QComboBox* m_preset;
    QLabel* m_note;
    QPushButton* m_ok;
    QGroupBox* m_accountBox = nullptr;
    QLabel* m_accountState = nullptr;
    QLineEdit* m_token = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_signOut = nullptr;
    QLabel* m_credits = nullptr;
    QPointer<Backend> m_backend;
    QString m_storedProfile;
    QString m_storedUrl;
    QString m_storedLanguage;
    BrowseHook m_browse;
};

} // namespace cw

// See SettingsDialog.h. This part is the Account section: sign-in state, token sign-in and
// sign-out through the Backend, and the credits balance the session reports.
#include "SettingsDialog.h"

#include "Backend.h"
#include "EditorSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace cw {

void SettingsDialog::createAccountBox()
{
    m_accountBox = new QGroupBox(tr("Account"), this);
    m_accountBox->setObjectName(QStringLiteral("settingsAccount"));
    m_accountState = new QLabel(m_accountBox);
    m_accountState->setObjectName(QStringLiteral("settingsAccountState"));
    m_accountState->setAccessibleName(tr("Sign-in state"));
    m_accountState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_token = new QLineEdit(m_accountBox);
    m_token->setObjectName(QStringLiteral("settingsToken"));
    m_token->setAccessibleName(tr("Access token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Paste your access token"));
    m_signIn = new QPushButton(tr("Sign &in"), m_accountBox);
    m_signIn->setObjectName(QStringLiteral("settingsSignIn"));
    m_signIn->setAccessibleName(tr("Sign in with the token"));
    m_signOut = new QPushButton(tr("Sign &out"), m_accountBox);
    m_signOut->setObjectName(QStringLiteral("settingsSignOut"));
    m_signOut->setAccessibleName(tr("Sign out"));
    m_credits = new QLabel(m_accountBox);
    m_credits->setObjectName(QStringLiteral("settingsCredits"));
    m_credits->setAccessibleName(tr("Credits balance"));
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_signIn);
    tokenRow->addWidget(m_signOut);
    auto* form = new QFormLayout(m_accountBox);
    form->addRow(tr("State:"), m_accountState);
    auto* tokenLabel = new QLabel(tr("&Token:"), m_accountBox);
    tokenLabel->setBuddy(m_token); // a row holding a layout gets no buddy by itself
    form->addRow(tokenLabel, tokenRow);
    form->addRow(tr("Credits:"), m_credits);
    m_accountBox->setVisible(false);

    connect(m_token, &QLineEdit::textChanged, this, [this] { updateAccount(); });
    connect(m_token, &QLineEdit::returnPressed, m_signIn, &QPushButton::click);
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        const QString token = m_token->text().trimmed();
        if (!m_backend || token.isEmpty())
            return;
        m_token->clear();
        m_accountState->setText(tr("Signing in…"));
        m_backend->signIn(token);
    });
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        if (!m_backend)
            return;
        m_accountState->setText(tr("Signing out…"));
        m_backend->signOut();
    });
}

void SettingsDialog::setBackend(Backend* backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    m_credits->setText(tr("Checking…"));
    if (backend) {
        connect(backend, &Backend::accountChanged, this, [this] {
            updateAccount();
            if (m_backend && m_backend->session())
                m_backend->session()->refreshCredits();
        });
        if (EditorSession* session = backend->session()) {
            connect(session, &EditorSession::creditsChanged, this,
                    [this](qint64 available, qint64 frozen, qint64) {
                        const QLocale locale;
                        m_credits->setText(
                            frozen > 0
                                ? tr("%1 available, %2 reserved")
                                      .arg(locale.toString(available), locale.toString(frozen))
                                : tr("%1 available").arg(locale.toString(available)));
                    });
            connect(session, &EditorSession::creditsHidden, this,
                    [this] { m_credits->setText(tr("No limit")); });
            session->refreshCredits();
        }
    }
    updateAccount();
}

void SettingsDialog::updateAccount()
{
    const bool shown = m_backend && m_backend->profile().kind != Profile::Kind::Local;
    m_accountBox->setVisible(shown);
    if (!shown)
        return;
    const QString state = m_backend->accountDescription();
    m_accountState->setText(state.isEmpty() ? tr("Not signed in") : state);
    m_signIn->setEnabled(!m_token->text().trimmed().isEmpty());
    m_signOut->setEnabled(true); // forgetting a token that is not there is harmless
}

} // namespace cw

#include "PagedQuery.h"

#include "ApiCall.h"
#include "EcsClient.h"

#include <QJsonArray>
#include <QTimer>

namespace ecs {

PagedQuery::PagedQuery(
    EcsClient *client, QString action, ApiParameters parameters, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_action(std::move(action))
    , m_parameters(std::move(parameters))
    , m_options(std::move(options))
{ }

void PagedQuery::start()
{
    if (m_presetError.isError()) {
        // Still asynchronous, like every other completion.
        QTimer::singleShot(0, this, [this] { finish(m_presetError); });
        return;
    }
    requestPage();
}

void PagedQuery::requestPage()
{
    ApiParameters parameters = m_parameters;
    const QString size = QString::number(m_options.pageSize);
    if (m_options.style == Style::NextToken) {
        parameters.insert(QStringLiteral("MaxResults"), size);
        if (!m_nextToken.isEmpty())
            parameters.insert(QStringLiteral("NextToken"), m_nextToken);
    } else {
        parameters.insert(QStringLiteral("PageSize"), size);
        parameters.insert(QStringLiteral("PageNumber"), QString::number(m_pageNumber));
    }
    m_call = m_client->call(m_action, parameters);
    ApiCall *call = m_call;
    connect(call, &ApiCall::finished, this, [this, call] {
        m_call = nullptr;
        if (call->ok())
            onPage(call->json());
        else
            finish(call->error());
    });
}

void PagedQuery::onPage(const QJsonObject &page)
{
    ++m_pages;
    Q_EMIT pageReceived(page);
    if (m_finished)
        return; // a receiver cancelled in its handler

    bool more = false;
    if (m_options.style == Style::NextToken) {
        const QString token = page.value(QLatin1String("NextToken")).toString();
        if (!token.isEmpty() && token == m_nextToken) {
            finish(ApiError::parse(tr("The service returned the same NextToken twice while "
                                      "listing %1; stopped to avoid an endless loop.")
                                       .arg(m_action)));
            return;
        }
        m_nextToken = token;
        more = !token.isEmpty();
    } else {
        // Count what came rather than trusting our PageSize: the service clamps it
        // (DescribeInstanceStatus allows at most 50).
        const int total = page.value(QLatin1String("TotalCount")).toInt(-1);
        const int items = itemCount(page);
        m_itemsReceived += items;
        more = items > 0 && total > m_itemsReceived;
        ++m_pageNumber;
    }

    if (!more) {
        finish({});
    } else if (m_pages >= m_options.maxPages) {
        finish(
            ApiError::parse(tr("Stopped listing %1 after %2 pages.").arg(m_action).arg(m_pages)));
    } else {
        requestPage();
    }
}

int PagedQuery::itemCount(const QJsonObject &page) const
{
    if (m_options.listWrapper.isEmpty())
        return 0;
    return static_cast<int>(
        page.value(m_options.listWrapper).toObject().value(m_options.listItem).toArray().size());
}

void PagedQuery::cancel()
{
    if (m_finished)
        return;
    if (m_call)
        m_call->cancel(); // finishes through the call's handler with Kind::Cancelled
    else
        finish(ApiError(ApiError::Kind::Cancelled, tr("Listing %1 was cancelled.").arg(m_action)));
}

void PagedQuery::fail(const ApiError &error)
{
    if (m_finished)
        return;
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    finish(error);
}

void PagedQuery::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued, like ApiCall's completion: never from inside the caller's own cancel().
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            Q_EMIT finished(error);
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace ecs

#include "PagedLoader.h"

namespace ecs {

PagedLoader::PagedLoader(EcsApi *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{ }

PagedLoader::~PagedLoader()
{
    dropContext();
}

QObject *PagedLoader::beginLoad()
{
    dropContext();
    m_context = new QObject(this);
    Q_EMIT started();
    return m_context;
}

void PagedLoader::endLoad(const ApiError &error)
{
    dropContext();
    Q_EMIT finished(error);
}

void PagedLoader::cancel()
{
    if (!isLoading())
        return;
    dropContext();
    Q_EMIT finished(ApiError(ApiError::Kind::Cancelled, tr("Loading was cancelled.")));
}

void PagedLoader::dropContext()
{
    if (m_query)
        m_query->cancel();
    m_query = nullptr;
    if (!m_context)
        return;
    // Later, not now: we may be inside one of its handlers. The handlers compare their
    // context with m_context, so nothing reaches the model in between.
    QObject *context = m_context;
    m_context = nullptr;
    context->deleteLater();
}

} // namespace ecs

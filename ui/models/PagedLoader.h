#pragma once

#include "KeyedRowsModel.h"
#include "api/EcsApi.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace ecs {

// What the snapshot loaders share: one listing at a time into a KeyedRowsModel.
//
// A first load clears the model and appends every page as it arrives, so the first rows
// show while the rest load. A refresh collects every page and then replaces the rows
// once: no flicker, and the view keeps its selection. Each load's handlers hang on a
// context object of their own; a new load or cancel() deletes the old one, so no page of
// an earlier load (another region, say) ever reaches the model.
class PagedLoader : public QObject
{
    Q_OBJECT

public:
    explicit PagedLoader(EcsApi *api, QObject *parent = nullptr);
    ~PagedLoader() override;

    // Stops the running load, if any, and reports it as finished with Kind::Cancelled.
    // Rows already appended stay.
    void cancel();
    bool isLoading() const { return m_context != nullptr; }

Q_SIGNALS:
    void started();
    // After each page: rows in the model (first load) or collected so far (refresh).
    void pageLoaded(int rowsSoFar);
    // Once per load that was not replaced by another (error.isError() false on success).
    void finished(const ecs::ApiError &error);

protected:
    template<typename T>
    using Lister = std::function<PagedQuery *(QObject *context, PageHandler<T>, DoneHandler)>;

    EcsApi *api() const { return m_api; }

    template<typename T>
    void run(KeyedRowsModel<T> *model, bool refresh, const Lister<T> &list)
    {
        QObject *context = beginLoad();
        QPointer<KeyedRowsModel<T>> target(model);
        auto collected = std::make_shared<QList<T>>();
        if (!refresh)
            model->clear();
        auto onPage = [this, context, target, collected, refresh](const Page<T> &page) {
            if (context != m_context || !target)
                return;
            if (refresh) {
                collected->append(page.items);
                Q_EMIT pageLoaded(static_cast<int>(collected->size()));
            } else {
                target->appendRows(page.items);
                Q_EMIT pageLoaded(target->rowCount());
            }
        };
        auto onDone = [this, context, target, collected, refresh](const ApiError &error) {
            if (context != m_context)
                return;
            // A refresh that failed leaves the rows as they were: stale beats empty.
            if (refresh && !error.isError() && target)
                target->replaceRows(*collected);
            endLoad(error);
        };
        m_query = list(context, onPage, onDone);
    }

private:
    QObject *beginLoad();
    void endLoad(const ApiError &error);
    void dropContext();

    EcsApi *m_api;
    QObject *m_context = nullptr;
    QPointer<PagedQuery> m_query;
};

} // namespace ecs

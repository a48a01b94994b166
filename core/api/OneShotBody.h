#pragma once

#include <QByteArray>
#include <QIODevice>

namespace ecs {

// The body of a request that must never be sent twice (ResetDisks, StopInstance ...).
//
// Qt's HTTP/1.1 layer silently re-sends a request when the connection closes before
// the response headers arrive (QHttpNetworkConnectionChannel::handleUnexpectedEOF and
// _q_error → resendCurrentRequest, up to 3 times per connection in Qt 6.4), for every
// method, POST included. It only re-sends if it can rewind the upload device. This
// device cannot be rewound, so Qt fails the reply with ContentReSendError instead,
// and the caller learns that the outcome is unknown. It is deliberately not a
// QBuffer: Qt wraps QBuffers in its own always-rewindable device.
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    // Random access, so Qt neither buffers it nor needs a Content-Length header from us.
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_data.size(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QByteArray m_data;
};

} // namespace ecs

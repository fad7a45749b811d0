import Foundation
import KindlingNotebook

/// The channel a request came in on; replies go back on it.
public enum KernelChannel: String, Sendable {
    case shell, control
}

/// Answers requests: wraps each one in `status` busy/idle on iopub (with the request
/// as parent), dispatches on `msg_type`, and sends the reply on the request's channel.
///
/// Shell requests run on the shell thread (the only one that touches the session);
/// control requests (`kernel_info`, `interrupt`, `shutdown`) run on the control thread
/// and never touch the session's interpreter.
final class KernelRequestHandler: @unchecked Sendable {
    private let loader: SessionLoader
    /// The notebook session all code runs on (shell thread only).
    var session: NotebookSession { loader.session }
    let factory: MessageFactory
    let iopub: IOPubChannel
    let stdin: StdinBridge
    let log: KernelLog
    let lifecycle: KernelLifecycle
    let implementationVersion: String
    /// Queued execute requests are answered `aborted` while this is set (after an error with `stop_on_error`).
    var abortingQueuedExecutes = false
    /// Printed text, published in bursts (see `StreamBuffer`).
    private(set) lazy var streams = StreamBuffer { [unowned self] type, content, parent in
        publish(type, content, parent: parent)
    }
    /// Reads the shell requests already waiting (set by the server; shell thread only).
    var takeQueuedShellRequests: () -> [[Data]] = { [] }
    /// The requests that were waiting when an execute request failed with `stop_on_error`;
    /// the server answers their execute requests `aborted`.
    var requestsToAbort: [[Data]] = []

    init(loader: SessionLoader, factory: MessageFactory, iopub: IOPubChannel, stdin: StdinBridge,
         lifecycle: KernelLifecycle, implementationVersion: String, log: KernelLog) {
        self.loader = loader
        self.factory = factory
        self.iopub = iopub
        self.stdin = stdin
        self.lifecycle = lifecycle
        self.implementationVersion = implementationVersion
        self.log = log
    }

    /// Handles one request; `reply` sends on the request's channel.
    func handle(_ request: KernelMessage, on channel: KernelChannel, reply: (KernelMessage) -> Void) {
        publishStatus("busy", parent: request)
        defer { publishStatus("idle", parent: request) }
        func send(_ type: String, _ content: KernelJSON) {
            reply(factory.make(type, content: content, parent: request))
        }
        switch (channel, request.type) {
        case (_, "kernel_info_request"): send("kernel_info_reply", kernelInfo())
        case (_, "shutdown_request"): send("shutdown_reply", shutdown(request))
        case (.control, "interrupt_request"): send("interrupt_reply", interrupt())
        case (.shell, "execute_request"):
            if abortingQueuedExecutes {
                log.warning("aborting execute request \(request.id) after an error")
                send("execute_reply", ["status": "aborted"])
            } else {
                send("execute_reply", execute(request))
            }
        case (.shell, "complete_request"): send("complete_reply", complete(request.content))
        case (.shell, "inspect_request"): send("inspect_reply", inspect(request.content))
        case (.shell, "is_complete_request"): send("is_complete_reply", isComplete(request.content))
        case (.shell, "history_request"): send("history_reply", history(request.content))
        case (_, "comm_info_request"): send("comm_info_reply", ["status": "ok", "comms": [:]])
        case (.shell, "comm_open"), (.shell, "comm_msg"), (.shell, "comm_close"):
            // No comm targets exist (no widgets); ipykernel logs and drops these too.
            log.warning("no comm target for \(request.type); ignored")
        default:
            log.warning("unknown message type \(request.type) on \(channel.rawValue); ignored")
        }
    }

    /// Publishes an iopub message caused by `parent`.
    func publish(_ type: String, _ content: KernelJSON, parent: KernelMessage?) {
        iopub.publish(factory.make(type, content: content, parent: parent))
    }

    func publishStatus(_ state: String, parent: KernelMessage?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }
}

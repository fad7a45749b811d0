import Foundation
import KindlingNotebook

extension KernelRequestHandler {
    /// `execute_request`: runs the code on the session, publishing `execute_input` and
    /// every output on iopub as it is produced, and answers with the status.
    /// After an error with `stop_on_error` (the default), execute requests already
    /// queued are answered `aborted` (see `KernelServer.abortQueuedExecutes`).
    func execute(_ request: KernelMessage) -> KernelJSON {
        let content = request.content
        let code = content["code"]?.stringValue ?? ""
        let silent = content["silent"]?.boolValue ?? false
        let storeHistory = silent ? false : (content["store_history"]?.boolValue ?? true)
        let allowStdin = content["allow_stdin"]?.boolValue ?? true
        let stopOnError = content["stop_on_error"]?.boolValue ?? true

        if !silent {
            publish("execute_input", ["code": .string(code), "execution_count": .int(session.executionCount + (storeHistory ? 1 : 0))],
                    parent: request)
        }
        session.onOutput = { [weak self] output in
            guard let self else { return }
            if case let .stream(name, text) = output {
                streams.write(name.rawValue, text, parent: request)
                return
            }
            streams.flush()
            let (type, content) = OutputMessages.message(for: output)
            publish(type, content, parent: request)
        }
        session.inputProvider = stdin.provider(for: request, allowed: allowStdin)
        defer {
            streams.flush()
            session.onOutput = nil
            session.inputProvider = stdin.provider(for: nil, allowed: false)
        }
        let result = lifecycle.executing { session.submit(code, silent: silent, storeHistory: storeHistory) }

        let reply: KernelJSON
        if let error = result.error {
            reply = OutputMessages.errorContent(error).setting("status", "error")
            // Taken before the reply leaves: whatever the client sends after seeing it runs normally.
            if stopOnError && !silent { requestsToAbort = takeQueuedShellRequests() }
        } else {
            reply = ["status": "ok", "payload": [], "user_expressions": userExpressions(content["user_expressions"])]
        }
        return reply.setting("execution_count", .int(session.executionCount))
    }

    /// `user_expressions`: each expression evaluated after the code, as a MIME bundle or an error.
    private func userExpressions(_ expressions: KernelJSON?) -> KernelJSON {
        guard let expressions = expressions?.objectValue else { return [:] }
        var results: [String: KernelJSON] = [:]
        for (name, expression) in expressions {
            guard let text = expression.stringValue else { continue }
            switch lifecycle.executing({ session.evaluate(expression: text) }) {
            case let .success(bundle):
                results[name] = ["status": "ok", "data": OutputMessages.data(bundle), "metadata": OutputMessages.metadata(bundle)]
            case let .failure(error):
                results[name] = OutputMessages.errorContent(error).setting("status", "error")
            }
        }
        return .object(results)
    }
}

import Foundation
import KindlingNotebook

/// Session outputs as iopub messages (type and content), and MIME bundles as the
/// protocol's `data`/`metadata` pair.
enum OutputMessages {
    /// The iopub message type and content for one output.
    static func message(for output: Output) -> (type: String, content: KernelJSON) {
        switch output {
        case let .stream(name, text):
            return ("stream", ["name": .string(name.rawValue), "text": .string(text)])
        case let .displayData(bundle):
            return ("display_data", ["data": data(bundle), "metadata": metadata(bundle), "transient": [:]])
        case let .executeResult(count, bundle):
            return ("execute_result", ["execution_count": .int(count), "data": data(bundle), "metadata": metadata(bundle)])
        case let .error(error):
            return ("error", errorContent(error))
        }
    }

    /// `{mime: text}`; binary data is base64 text ending in a newline, as ipykernel
    /// publishes it (`binascii.b2a_base64`) and as `kindling run --to ipynb` writes it.
    static func data(_ bundle: MimeBundle) -> KernelJSON {
        .object(bundle.data.mapValues { value in
            switch value {
            case let .text(text): return .string(text)
            case let .data(bytes): return .string(bytes.base64EncodedString() + "\n")
            }
        })
    }

    /// `{mime: {width, height}}`.
    static func metadata(_ bundle: MimeBundle) -> KernelJSON {
        .object(bundle.metadata.mapValues { .object($0.mapValues { .int($0) }) })
    }

    /// `ename`, `evalue` and the traceback lines of an error output or reply.
    static func errorContent(_ error: CellError) -> KernelJSON {
        ["ename": .string(error.ename), "evalue": .string(error.evalue),
         "traceback": .array(error.tracebackLines.map { .string($0) })]
    }
}

import Foundation

/// Escape sequences that show a PNG inside the terminal.
public enum InlineImageEncoders {
    /// kitty's limit for the base64 payload of one escape.
    public static let kittyChunkSize = 4096

    /// kitty graphics protocol: `ESC _G a=T,f=100,[c=cols,]m=1;<base64> ESC \`, continued in chunks of
    /// 4096 base64 characters with `m=1`, the last with `m=0`. `columns` scales the image to that many cells.
    public static func kitty(png: [UInt8], columns: Int? = nil) -> String {
        let payload = Data(png).base64EncodedString()
        var chunks: [Substring] = []
        var index = payload.startIndex
        while index < payload.endIndex {
            let end = payload.index(index, offsetBy: kittyChunkSize, limitedBy: payload.endIndex) ?? payload.endIndex
            chunks.append(payload[index..<end])
            index = end
        }
        if chunks.isEmpty { chunks = [""] }
        var out = ""
        for (i, chunk) in chunks.enumerated() {
            let more = i < chunks.count - 1 ? 1 : 0
            var keys = "m=\(more)"
            if i == 0 {
                keys = "a=T,f=100," + (columns.map { "c=\($0)," } ?? "") + keys
            }
            out += "\u{1B}_G\(keys);\(chunk)\u{1B}\\"
        }
        return out
    }

    /// iTerm2 inline image: `ESC ] 1337 ; File=inline=1;size=N[;width=cols];preserveAspectRatio=1 : <base64> BEL`.
    public static func iterm(png: [UInt8], columns: Int? = nil) -> String {
        let payload = Data(png).base64EncodedString()
        let width = columns.map { ";width=\($0)" } ?? ""
        return "\u{1B}]1337;File=inline=1;size=\(png.count)\(width);preserveAspectRatio=1:\(payload)\u{07}"
    }
}

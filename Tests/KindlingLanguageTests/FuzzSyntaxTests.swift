import XCTest
import Foundation
@testable import KindlingLanguage

/// Mutates real Python snippets (deletions, insertions, duplications, truncations, swaps) and
/// checks the lexer/parser either succeed or throw `SyntaxErrorInfo`: never crash or hang.
final class FuzzSyntaxTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let corpus: [String] = [
        """
        from fastai.vision.all import *
        import torch.nn.functional as F

        path = untar_data(URLs.MNIST_SAMPLE)
        threes = (path/'train'/'3').ls().sorted()
        three_tensors = [tensor(Image.open(o)) for o in threes]
        stacked = torch.stack(three_tensors).float()/255
        mean3 = stacked.mean(0)
        def mnist_distance(a, b): return (a-b).abs().mean((-1,-2))
        print(f"{acc:.4f} {loss!r:>10} {{literal}}")
        """,
        """
        class Model(nn.Module):
            '''A two-layer net.'''
            def __init__(self, n_in, n_hidden=30, *, bias=True, **kwargs):
                super().__init__()
                self.l1 = nn.Linear(n_in, n_hidden, bias=bias)
                self.l2 = nn.Linear(n_hidden, 1)

            def forward(self, x):
                x = F.relu(self.l1(x))
                return self.l2(x).sigmoid()

        @decorator(1, key='v')
        def train(model, dl, lr=1e-2, epochs=3):
            for epoch in range(epochs):
                for xb, yb in dl:
                    loss = ((model(xb) - yb)**2).mean()
                    loss.backward()
                    with torch.no_grad():
                        for p in model.parameters():
                            p -= p.grad * lr
                            p.grad.zero_()
                else:
                    print(epoch, loss.item())
        """,
        """
        try:
            x = d['key'][1:, None, ...]
        except (KeyError, IndexError) as e:
            raise ValueError("bad") from e
        else:
            y = {k: v for k, v in zip(a, b) if k if v}
        finally:
            del a[0], b
        while n > 0 and not done or x is not None:
            n -= 1; m //= 2; z @= w
            if n % 2 == 0: continue
            elif n in seen: break
        g = lambda a, /, b=2, *c, d, **e: (a, *c, {**e}, {1, *c})
        total = sum(x * y for x, y in pairs if x > 0)
        assert -2**2 == -4, 'precedence'
        s = 'a' "b" '''c
        d''' r'\\d+' f'{x=}' f"{x:{width}.{prec}f}"
        n = 0x_ff + 0o17 + 0b1010 + 1_000 + 1e-5 + 1. + .5
        def outer():
            count = 0
            def inner():
                nonlocal count
                global total
                count += 1
            return inner
        a = b = c = [1, 2, (3, 4)][::-1]
        x = \\
            1 if y else 2
        """,
    ]

    private static let insertions: [String] = [
        "(", ")", "[", "]", "{", "}", ":", ",", "\n", "\n    ", "\t", "\\", "\\\n", "'", "\"", "'''", "f'", "f\"{",
        "{x!r:", "}", "=", "==", ":=", "*", "**", "lambda", "if", "else", "def", "class", " ", "#", "0x", "1e",
        "1_", "@", ".", "...", "not", "in", "is", "for", "yield", "async", "\u{0}", "é", "€", "\r", "\u{0C}",
    ]

    private func mutate(_ source: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(source.unicodeScalars)
        let rounds = Int.random(in: 1...4, using: &rng)
        for _ in 0..<rounds {
            let n = scalars.count
            let i = n == 0 ? 0 : Int.random(in: 0..<n, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where n > 0:
                let length = min(n - i, Int.random(in: 1...8, using: &rng))
                scalars.removeSubrange(i..<(i + length))
            case 1:
                let piece = FuzzSyntaxTests.insertions.randomElement(using: &rng) ?? "("
                scalars.insert(contentsOf: piece.unicodeScalars, at: i)
            case 2 where n > 0:
                let length = min(n - i, Int.random(in: 1...40, using: &rng))
                scalars.insert(contentsOf: scalars[i..<(i + length)], at: i)
            case 3:
                scalars.removeSubrange(i..<n)
            case 4 where n > 1:
                let j = Int.random(in: 0..<n, using: &rng)
                scalars.swapAt(i, j)
            default:
                if let s = Unicode.Scalar(UInt32.random(in: 0...0x7F, using: &rng)) { scalars.insert(s, at: i) }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    func testMutatedSourcesNeverCrashOrHang() {
        var rng = SplitMix64(state: 0x5EED_0F_C0DE)
        let deadline = Date().addingTimeInterval(6)
        var parsed = 0, rejected = 0, iterations = 0
        while iterations < 4000 && Date() < deadline {
            iterations += 1
            let base = FuzzSyntaxTests.corpus.randomElement(using: &rng) ?? ""
            let source = mutate(base, &rng)
            let start = Date()
            do {
                _ = try parseModule(source: source, filename: "fuzz.py", lineOffset: 3)
                parsed += 1
            } catch let error as SyntaxErrorInfo {
                rejected += 1
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertGreaterThanOrEqual(error.line, 1)
                _ = error.rendered()
            } catch {
                XCTFail("unexpected error type \(error) for \(source.debugDescription)")
            }
            _ = isCompleteInput(source)
            _ = try? parseExpression(source: String(source.prefix(200)))
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertLessThan(elapsed, 1.0, "parsing took \(elapsed)s for \(source.debugDescription)")
        }
        print("fuzz: \(iterations) iterations, \(parsed) parsed, \(rejected) rejected")
        XCTAssertGreaterThan(iterations, 500, "too few iterations in the time budget")
        XCTAssertGreaterThan(parsed, 0)
        XCTAssertGreaterThan(rejected, 0)
    }

    func testCorpusParsesUnmutated() throws {
        for source in FuzzSyntaxTests.corpus {
            XCTAssertNoThrow(try parseModule(source: source, filename: "corpus.py"), source)
        }
    }

    func testRandomTokenSoupNeverCrashes() {
        var rng = SplitMix64(state: 42)
        let deadline = Date().addingTimeInterval(2)
        var iterations = 0
        while iterations < 2000 && Date() < deadline {
            iterations += 1
            let count = Int.random(in: 0...30, using: &rng)
            let source = (0..<count).map { _ in FuzzSyntaxTests.insertions.randomElement(using: &rng) ?? "" }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
            _ = try? parseModule(source: source, filename: "soup.py")
            _ = isCompleteInput(source)
        }
        XCTAssertGreaterThan(iterations, 100)
    }
}

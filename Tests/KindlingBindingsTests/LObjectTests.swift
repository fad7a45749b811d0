import XCTest
import KindlingLanguage

/// fastcore's `L` through scripts; expected text recorded from fastai 2.8.12
/// (fastcore 1.8) under CPython 3.11.
final class LObjectTests: XCTestCase {
    /// Construction, repr, indexing, equality, arithmetic, list methods and
    /// the functional helpers, in one script run side by side with fastcore.
    func testScriptMatchesFastcore() throws {
        let r = ScriptRunner()
        let out = try r.run(#"""
            from fastai.vision.all import *
            import string
            ds = L(enumerate(string.ascii_lowercase))
            print(ds)
            print(repr(L(range(3))), L(), L(1,2,3), L(5), L('ab'), L(None), L([1,2]), L((1,2)), L({'a': 1}), L(range(2), use_list=True))
            print(L(tensor([1,2,3])), len(L(tensor([1,2,3]))))
            print(len(ds), ds[0], ds[-1], ds[2:5], ds[[1,3]], L(range(4))[[True,False,True,False]])
            print(L(range(5))[tensor([0, 4])], L(range(5))[tensor([True,False,True,False,False])], L(range(5))[tensor(2)])
            print(type(ds[2:5]).__name__, type(ds[[1]]).__name__, type(ds.items).__name__)
            print(ds[1:3] == [(1,'b'),(2,'c')], L(1,2) == L(1,2), L(1,2)==(1,2), L(1,2) != L(1,3), L(1,2) == L(1,2,3), L(1) == 1, L('a') == 'a', L(1,2) == None)
            print(L(tensor([1.,2.])) == [tensor([1.,2.])], L(tensor([1.,2.])) == [tensor([1.,3.])])
            print(L(1,2)+L(3), L(1,2)+[3], [0]+L(1), L(1)+(2,3), L(1)+5, L(1,2)*2)
            a = [1]; l = L(a); l.append(2); print(a, l)
            l += [3]; print(l, a)
            print(ds.itemgot(1)[:5], ds.itemgot(0).sum(), L([[1,2],[3,4]]).itemgot(0,1) if False else '')
            print(L(1,2,3).map(lambda x: x*2), L(1,2,3).filter(lambda x: x>1), L(3,1,2).sorted(), L('bb','a','ccc').sorted(key=len))
            print(L(1,2,3).filter(lambda x: x>1, negate=True), L(0,1,2,None).filter(), L(3,1,2).sorted(reverse=True))
            print(L(1,1,2,3,2).unique(), L(3,1,3).unique(sort=True), L('a','b').enumerate(), L([1,2],[3,4]).zip(), L('ab','cd').zip())
            print(L(1,2).map(str), L(1,2,3).sum(), L(1.5,2).sum(), L().sum(), L(2,3).product(), L(1,2,3).reduce((lambda a, b: a + b)), L(1,2,3).reduce((lambda a, b: a * b), 10))
            print(L(1,2,3).map((lambda a, b: a - b), 10), L(1,2).map('{}!'), L(0,1).map({0:'zero',1:'one'}), L(1,2).map(lambda x, y=0: x+y, y=5))
            print(type(L(1)).__name__, L(1,2).items, type(L(1,2).items).__name__)
            print(L(range(30)))
            print(L([tensor(1.), tensor(2.)]))
            print(L(1,2,3).argwhere(lambda x: x>1), L(1,2,3).argfirst(lambda x: x>1), L(1,2,3).argfirst(lambda x: x>5))
            x=L(1,2,3); x[0]=9; print(x); x[[1,2]]=[7,8]; print(x); x[[0,1]] = 0; print(x); x[1:] = [5]; print(x)
            print(L(2.5, 1.0), L('a', None), L([1,2],[3]).concat(), L([1,2],3).concat())
            print(1 in L(1,2), 3 in L(1,2), list(L(1,2)), tuple(L(1,2)), len(L()), bool(L()), bool(L(0)))
            print(L(1,2).copy(), L(1,2).count(1), L(1,2,3).index(2), L(1,2,3)[::-1], L(1,2,3).pop(), sorted(L(3,1)))
            print(L(range(5)).map(lambda x: (x, x*x)).itemgot(1), L.range(4), L.range(ds), L.range(1, 4), L.split('a b c'), L.split('a,b', ','))
            print(L('a','b').val2idx(), L(1,2).map_dict(lambda x: x*10), L(1,2).renumerate(), L(1,2).zipwith(L(3,4), [5,6]))
            class P:
                def __init__(self, v): self.v = v
            ps = L(P(1), P(2))
            print(ps.attrgot('v'), L({'v': 3}, {'w': 4}).attrgot('v'), ps.attrgot('w', 0), L(P(3), P(1)).sorted('v').attrgot('v'))
            print(L([3,'c'],[1,'a']).sorted(0), L([3,'c'],[1,'a']).sorted(1).itemgot(1))
            print(L(1,2,3).first(None), L().first(None), L(1,2,3).first(lambda x: x>1), L(1,2,3).last(lambda x: x<3), L([1,[2,[3]]],4).flatten())
            print(list(reversed(L(1,2,3))), ~L(True, False))
            r = [x*2 for x in L(1,2,3)]; print(r)
            del x[0]; print(x)
            print(L(1,2,3).setattrs if False else '', L(L(1,2), L(3)))
            try: L(1,2)[5]
            except IndexError as e: print('IndexError', e)
            try: hash(L(1))
            except TypeError as e: print('TypeError', e)
            try: L().reduce((lambda a, b: a + b))
            except TypeError as e: print('TypeError', e)
            print(f"{L(1,2)}", str(L('x')))

            """#)
        let expected = #"""
            [(0, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (4, 'e'), (5, 'f'), (6, 'g'), (7, 'h'), (8, 'i'), (9, 'j'), (10, 'k'), (11, 'l'), (12, 'm'), (13, 'n'), (14, 'o'), (15, 'p'), (16, 'q'), (17, 'r'), (18, 's'), (19, 't'), (20, 'u'), (21, 'v'), (22, 'w'), (23, 'x'), (24, 'y'), (25, 'z')]
            [0, 1, 2] [] [1, 2, 3] [5] ['ab'] [] [1, 2] [1, 2] [{'a': 1}] [0, 1]
            [tensor([1, 2, 3])] 1
            26 (0, 'a') (25, 'z') [(2, 'c'), (3, 'd'), (4, 'e')] [(1, 'b'), (3, 'd')] [0, 2]
            [0, 4] [0, 2] 2
            L L list
            True True True True False False False False
            True False
            [1, 2, 3] [1, 2, 3] [0, 1] [1, 2, 3] [1, 5] [1, 2, 1, 2]
            [1, 2] [1, 2]
            [1, 2, 3] [1, 2]
            ['a', 'b', 'c', 'd', 'e'] 325 
            [2, 4, 6] [2, 3] [1, 2, 3] ['a', 'bb', 'ccc']
            [1] [1, 2] [3, 2, 1]
            [1, 2, 3] [1, 3] [(0, 'a'), (1, 'b')] [(1, 3), (2, 4)] [('a', 'c'), ('b', 'd')]
            ['1', '2'] 6 3.5 0 6 6 60
            [9, 8, 7] ['1!', '2!'] ['zero', 'one'] [6, 7]
            L [1, 2] list
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
            [tensor(1.), tensor(2.)]
            [1, 2] 1 None
            [9, 2, 3]
            [9, 7, 8]
            [0, 0, 8]
            [0, 5]
            [2.5, 1.0] ['a', None] [1, 2, 3] [1, 2, 3]
            True False [1, 2] (1, 2) 0 False True
            [1, 2] 1 1 [3, 2, 1] 3 [1, 3]
            [0, 1, 4, 9, 16] [0, 1, 2, 3] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25] [1, 2, 3] ['a', 'b', 'c'] ['a', 'b']
            {'a': 0, 'b': 1} {1: 10, 2: 20} [(1, 0), (2, 1)] [(1, 3, 5), (2, 4, 6)]
            [1, 2] [3, None] [0, 0] [1, 3]
            [[1, 'a'], [3, 'c']] ['a', 'c']
            1 None 2 2 [1, 2, 3, 4]
            [3, 2, 1] [False, True]
            [2, 4, 6]
            [5]
             [[1, 2], [3]]
            IndexError list index out of range
            TypeError unhashable type: 'L'
            TypeError reduce() of empty iterable with no initial value
            [1, 2] ['x']

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }

    func testDataLoaderCollatesLikeAList() throws {
        let r = ScriptRunner()
        try r.run("""
            from fastai.vision.all import *
            import string
            torch.manual_seed(0)
            ds = L(enumerate(string.ascii_lowercase))
            b = list(DataLoader(ds, batch_size=6, shuffle=True))
            """)
        XCTAssertEqual(try r.repr("len(b), [len(x) for x, y in b], type(b[0][1]).__name__"), "(5, [6, 6, 6, 6, 2], 'tuple')")
        XCTAssertEqual(try r.repr("sorted(torch.cat([x for x, y in b]).tolist()) == list(range(26))"), "True")
        XCTAssertEqual(try r.repr("all(string.ascii_lowercase[int(i)] == c for x, y in b for i, c in zip(x, y))"), "True")
        XCTAssertEqual(try r.repr("list(DataLoader(ds, batch_size=6))[4]"), "(tensor([24, 25]), ('y', 'z'))")
        XCTAssertEqual(try r.repr("first(DataLoader(L(tensor([1.,2.]), tensor([3.,4.])), batch_size=2))"),
                       "tensor([[1., 2.],\n        [3., 4.]])")
        XCTAssertEqual(try r.repr("first(DataLoader(['a', 'b', 'c'], bs=2))"), "['a', 'b']")
    }

    func testTensorAndPlotAcceptL() throws {
        let r = ScriptRunner()
        try r.run("from fastai.vision.all import *")
        XCTAssertEqual(try r.repr("tensor(L(1, 2, 3))"), "tensor([1, 2, 3])")
        XCTAssertEqual(try r.repr("torch.tensor(L([1., 2.], [3., 4.])).shape"), "torch.Size([2, 2])")
        XCTAssertEqual(try r.run("lines = plt.plot(L([0, 0.5, 0.9], [1, 0.4, 0.92]).itemgot(2))\nprint(len(lines))"), "1\n")
    }

    func testErrors() throws {
        let r = ScriptRunner()
        try r.run("from fastai.vision.all import *")
        XCTAssertEqual(r.error("L(1, 2)[5]"), "IndexError: list index out of range")
        XCTAssertEqual(r.error("hash(L(1))"), "TypeError: unhashable type: 'L'")
        XCTAssertEqual(r.error("L(1, 2).zip(cycled=True)"), "NotImplementedError: L.zip(cycled=True) is not supported by Kindling")
        XCTAssertEqual(r.error("L(1, match=[1, 2])"), "NotImplementedError: L(match=...) is not supported by Kindling")
        XCTAssertEqual(r.error("L().reduce(lambda a, b: a + b)"), "TypeError: reduce() of empty iterable with no initial value")
        XCTAssertEqual(r.error("L(1).map(5)"), "AttributeError: 'int' object has no attribute '__getitem__'")
        // An L that contains itself: RecursionError like fastcore, not a stack overflow.
        try r.run("me = L(1); me.append(me)")
        XCTAssertEqual(r.error("me == me"), "RecursionError: maximum recursion depth exceeded in comparison")
        XCTAssertEqual(r.error("me.flatten()"), "RecursionError: maximum recursion depth exceeded")
        XCTAssertEqual(try r.repr("L(1, 2) == L(1, 2)"), "True")
    }
}

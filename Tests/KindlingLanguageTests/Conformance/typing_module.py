from typing import List, Dict, Tuple, Optional, Union, Callable, Any, Iterable, Iterator, Sequence, Mapping, Generator, TypeVar, cast, Set
import typing
T = TypeVar('T')
print(List, List[int], Dict[str, int], Tuple[int, ...], Tuple[int, str], Optional[int], Union[int, str], Union[int, None])
print(Callable[[int, str], float], Callable[..., int], Any, Iterable[int], Iterator[str], Sequence[float], Mapping[str, List[int]])
print(Generator[int, None, None], T, Optional[Union[int, str]], Union[int], List[Optional[int]], Set[str], Tuple[()])
print(cast(int, "x"), cast(List[int], [1]))
def f(x: List[int], y: Optional[Dict[str, int]] = None) -> Tuple[int, str]:
    return (len(x), str(y))
print(f([1, 2]))
class Box:
    items: List[int]
    def __init__(self, items: Iterable[int]) -> None:
        self.items = list(items)
print(Box(range(3)).items, typing.TYPE_CHECKING)
try:
    List()
except TypeError as e:
    print("TypeError:", e)
try:
    Dict[int]
except TypeError as e:
    print("TypeError:", e)
print(List[int] == List[int], Optional[int] == Union[int, None])
class Stack(typing.Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack()
s.push(3)
print(s.items)

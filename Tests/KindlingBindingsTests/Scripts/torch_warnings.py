# PyTorch's warnings go through the warnings module: recorded, filtered, turned into errors
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    F.softmax(torch.ones(3))
    F.log_softmax(torch.ones(2, 3))
    nn.init.kaiming_uniform_(torch.empty(0, 3))
    F.kl_div(torch.ones(3), torch.ones(3))
for w in caught:
    print(w.category.__name__, w.lineno, str(w.message)[:60])
warnings.simplefilter("ignore")
print(F.softmax(torch.tensor([1.0, 2.0])))
warnings.simplefilter("error", UserWarning)
try:
    F.softmax(torch.ones(2))
except UserWarning as e:
    print("raised:", str(e)[:50])
warnings.resetwarnings()
warnings.filterwarnings("ignore", category=UserWarning)
print(nn.init.kaiming_uniform_(torch.empty(0, 2)).shape)

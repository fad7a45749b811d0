# torch.nn.init: gains, fans and the values each initialiser draws for a seed.
import math
import torch
import torch.nn as nn

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for name in ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu', 'conv2d']:
    print(name, nn.init.calculate_gain(name))
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('leaky_relu', math.sqrt(5)), nn.init.calculate_gain('leaky_relu', 0))
attempt('gain', lambda: nn.init.calculate_gain('gelu'))
attempt('slope', lambda: nn.init.calculate_gain('leaky_relu', True))

torch.manual_seed(0)
w = torch.empty(3, 5)
print(nn.init.kaiming_normal_(w) is w, w)
print(nn.init.kaiming_uniform_(torch.empty(4, 3), a=math.sqrt(5)))
print(nn.init.kaiming_normal_(torch.empty(2, 6), mode='fan_out', nonlinearity='relu'))
print(nn.init.kaiming_uniform_(torch.empty(2, 3), nonlinearity='tanh'))
print(nn.init.xavier_uniform_(torch.empty(3, 4)), nn.init.xavier_normal_(torch.empty(2, 2), gain=nn.init.calculate_gain('tanh')))
print(nn.init.uniform_(torch.empty(4), -0.5, 0.5), nn.init.normal_(torch.empty(3), mean=1.0, std=0.02))
print(nn.init.constant_(torch.empty(2), 0.3), nn.init.zeros_(torch.empty(2, 1)), nn.init.ones_(torch.empty(1, 2)))
print(nn.init.xavier_uniform_(torch.empty(2, 3, 2, 2)).shape)
g = torch.Generator().manual_seed(3)
print(nn.init.normal_(torch.empty(3), generator=g), nn.init.kaiming_uniform_(torch.empty(2, 2), generator=g))
layer = nn.Linear(4, 3)
nn.init.zeros_(layer.bias)
nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')
print(layer.weight, layer.bias)
print(layer(torch.ones(1, 4)))
attempt('mode', lambda: nn.init.kaiming_normal_(torch.empty(2, 2), mode='fan'))
attempt('1-d', lambda: nn.init.xavier_uniform_(torch.empty(3)))
attempt('nonlin', lambda: nn.init.kaiming_uniform_(torch.empty(2, 2), nonlinearity='swish'))

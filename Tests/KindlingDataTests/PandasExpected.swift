// Recorded from pandas 3.1.1 / numpy 2.4.6 by a script; do not edit by hand.
enum PandasExpected {
    static let wideHead = #"""
   label  pixel0  pixel1  pixel2  ...  pixel780  pixel781  pixel782  pixel783
0      0       0       0       0  ...       132         0         0         0
1      1      37       0       0  ...       169         0         0         0
2      2      74       0       0  ...       206         0         0         0
3      3     111       0       0  ...       243         0         0         0
4      4     148       0       0  ...        24         0         0         0

[5 rows x 785 columns]
"""#
    static let wideAll = #"""
    label  pixel0  pixel1  pixel2  ...  pixel780  pixel781  pixel782  pixel783
0       0       0       0       0  ...       132         0         0         0
1       1      37       0       0  ...       169         0         0         0
2       2      74       0       0  ...       206         0         0         0
3       3     111       0       0  ...       243         0         0         0
4       4     148       0       0  ...        24         0         0         0
5       5     185       0       0  ...        61         0         0         0
6       6     222       0       0  ...        98         0         0         0
7       7       3       0       0  ...       135         0         0         0
8       8      40       0       0  ...       172         0         0         0
9       9      77       0       0  ...       209         0         0         0
10      0     114       0       0  ...       246         0         0         0
11      1     151       0       0  ...        27         0         0         0

[12 rows x 785 columns]
"""#
    static let wideHeadMax20 = #"""
   label  pixel0  pixel1  pixel2  pixel3  pixel4  pixel5  pixel6  pixel7  \
0      0       0       0       0       0       0      55       0       0   
1      1      37       0       0       0       0      92       0       0   
2      2      74       0       0       0       0     129       0       0   
3      3     111       0       0       0       0     166       0       0   
4      4     148       0       0       0       0     203       0       0   

   pixel8  ...  pixel774  pixel775  pixel776  pixel777  pixel778  pixel779  \
0       0  ...         0        77         0         0         0         0   
1       0  ...         0       114         0         0         0         0   
2       0  ...         0       151         0         0         0         0   
3       0  ...         0       188         0         0         0         0   
4       0  ...         0       225         0         0         0         0   

   pixel780  pixel781  pixel782  pixel783  
0       132         0         0         0  
1       169         0         0         0  
2       206         0         0         0  
3       243         0         0         0  
4        24         0         0         0  

[5 rows x 785 columns]
"""#
    static let wideLong = #"""
    label  pixel0  pixel1  pixel2  ...  pixel780  pixel781  pixel782  pixel783
0       0       0       0       0  ...       132         0         0         0
1       1      37       0       0  ...       169         0         0         0
2       2      74       0       0  ...       206         0         0         0
3       3     111       0       0  ...       243         0         0         0
4       4     148       0       0  ...        24         0         0         0
..    ...     ...     ...     ...  ...       ...       ...       ...       ...
65      5     101       0       0  ...       233         0         0         0
66      6     138       0       0  ...        14         0         0         0
67      7     175       0       0  ...        51         0         0         0
68      8     212       0       0  ...        88         0         0         0
69      9     249       0       0  ...       125         0         0         0

[70 rows x 785 columns]
"""#
    static let labelSeries = #"""
0     0
1     1
2     2
3     3
4     4
5     5
6     6
7     7
8     8
9     9
10    0
11    1
Name: label, dtype: int64
"""#
    static let longLabelSeries = #"""
0     0
1     1
2     2
3     3
4     4
     ..
65    5
66    6
67    7
68    8
69    9
Name: label, Length: 70, dtype: int64
"""#
    static let rowSeries = #"""
label         3
pixel0      111
pixel1        0
pixel2        0
pixel3        0
           ... 
pixel779      0
pixel780    243
pixel781      0
pixel782      0
pixel783      0
Name: 3, Length: 785, dtype: int64
"""#
    static let rowSlice = #"""
pixel0    111
pixel1      0
pixel2      0
pixel3      0
pixel4      0
Name: 3, dtype: int64
"""#
    static let valueCounts = #"""
label
0    7
1    7
2    7
3    7
4    7
5    7
6    7
7    7
8    7
9    7
Name: count, dtype: int64
"""#
    static let boolSeries = #"""
0    False
1    False
2    False
3     True
Name: label, dtype: bool
"""#
    static let floatFrame = #"""
      x  y             z
0  0.50  1  1.000000e-07
1  1.00  2  2.000000e+00
2   NaN  3  3.000000e+00
3  2.25  4  4.000000e+00
"""#
    static let floatSeries = #"""
0    0.50
1    1.00
2     NaN
3    2.25
Name: x, dtype: float64
"""#
    static let sampledHead = #"""
    label  pixel0  pixel5
55      5     243      42
0       0       0      55
34      4     234      33
63      3      27      82
25      5     157     212
"""#
    static let sampledIndex = #"""
Index([55,  0, 34, 63, 25, 16, 49,  5, 28, 15, 47, 66, 45, 13, 60, 62, 32, 38,
       51, 35, 10, 53, 37, 43, 57, 30, 48, 14, 21, 18, 42, 36, 56, 12, 33],
      dtype='int64')
"""#
    static let rangeIndex = #"""
RangeIndex(start=0, stop=12, step=1)
"""#
    static let columnsIndex = #"""
Index(['label', 'pixel0', 'pixel1', 'pixel2', 'pixel3', 'pixel4', 'pixel5',
       'pixel6', 'pixel7', 'pixel8',
       ...
       'pixel774', 'pixel775', 'pixel776', 'pixel777', 'pixel778', 'pixel779',
       'pixel780', 'pixel781', 'pixel782', 'pixel783'],
      dtype='str', length=785)
"""#
    static let bigIndex = #"""
Index([1957, 2087, 1394, 1520, 1098,  393,   28,   99,  351, 2020,
       ...
        801, 2132, 2054, 1310, 1790,  849,  424,  416,    0, 1481],
      dtype='int64', length=1500)
"""#
    static let npInt2D = #"""
array([[  0,   0,   0, ...,   0,   0,   0],
       [ 37,   0,   0, ...,   0,   0,   0],
       [ 74,   0,   0, ...,   0,   0,   0],
       ...,
       [ 77,   0,   0, ...,   0,   0,   0],
       [114,   0,   0, ...,   0,   0,   0],
       [151,   0,   0, ...,   0,   0,   0]], shape=(12, 784))
"""#
    static let npInt2Dstr = #"""
[[  0   0   0 ...   0   0   0]
 [ 37   0   0 ...   0   0   0]
 [ 74   0   0 ...   0   0   0]
 ...
 [ 77   0   0 ...   0   0   0]
 [114   0   0 ...   0   0   0]
 [151   0   0 ...   0   0   0]]
"""#
    static let npSmall = #"""
array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
"""#
    static let npSmallStr = #"""
[0 1 2 3 4 5 6 7 8 9 0 1]
"""#
    static let npFloat = #"""
array([0.5 , 0.25, 1.  , 3.  ])
"""#
    static let npFloatNaN = #"""
array([ 0.5,  nan, 10. ])
"""#
    static let npSmall2D = #"""
array([[ 0,  0,  0,  0],
       [ 1, 37,  0,  0],
       [ 2, 74,  0,  0]])
"""#
    static let npBool = #"""
array([ True, False,  True])
"""#
    static let npLong1D = #"""
array([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,
        9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000,
       18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000,
       27000, 28000, 29000])
"""#
}

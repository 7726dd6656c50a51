# A 2-2-1 network with sigmoid units; a, b are the inputs, t the target.
w11 = 0.5;  w12 = -0.4; b1 = 0.1
w21 = -0.3; w22 = 0.6;  b2 = -0.2
v1 = 0.7;   v2 = -0.5;  c = 0.05
h1 = sigmoid(w11*a + w12*b + b1)
h2 = sigmoid(w21*a + w22*b + b2)
y = sigmoid(v1*h1 + v2*h2 + c)
loss = (y - t)^2
